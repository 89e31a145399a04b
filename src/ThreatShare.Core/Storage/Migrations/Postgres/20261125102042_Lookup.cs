using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects");

            migrationBuilder.CreateTable(
                name: "ObservableEntries",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StixId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Term = table.Column<string>(type: "character varying(2010)", maxLength: 2010, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservableEntries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "RangeLengths",
                columns: table => new
                {
                    Family = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Length = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RangeLengths", x => new { x.Family, x.Length });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects",
                columns: new[] { "StixId", "Version" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Key", "State", "Tlp", "Channel", "SubmitterOrganizationId", "Revoked", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_StixId_Version",
                table: "ObservableEntries",
                columns: new[] { "StixId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries",
                column: "Term")
                .Annotation("Npgsql:IndexInclude", new[] { "StixId", "Version", "ValidFrom", "ValidUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservableEntries");

            migrationBuilder.DropTable(
                name: "RangeLengths");

            migrationBuilder.DropIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects");

            migrationBuilder.CreateIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects",
                columns: new[] { "StixId", "Version" },
                unique: true);
        }
    }
}
