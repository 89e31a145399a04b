using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Lookup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ObservableEntries",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StixId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 2010, nullable: false),
                    ValidFrom = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ValidUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservableEntries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "RangeLengths",
                columns: table => new
                {
                    Family = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Length = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RangeLengths", x => new { x.Family, x.Length });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_StixId_Version",
                table: "ObservableEntries",
                columns: new[] { "StixId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries",
                column: "Term");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservableEntries");

            migrationBuilder.DropTable(
                name: "RangeLengths");
        }
    }
}
