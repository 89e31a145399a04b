using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Sightings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sightings",
                columns: table => new
                {
                    Key = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StixId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IndicatorId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Named = table.Column<bool>(type: "boolean", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Json = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sightings", x => x.Key);
                    table.ForeignKey(
                        name: "FK_Sightings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_IndicatorId_OrganizationId",
                table: "Sightings",
                columns: new[] { "IndicatorId", "OrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_OrganizationId",
                table: "Sightings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sightings_StixId",
                table: "Sightings",
                column: "StixId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Sightings");
        }
    }
}
