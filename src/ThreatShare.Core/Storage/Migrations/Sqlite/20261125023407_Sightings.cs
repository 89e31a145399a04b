using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Sqlite
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
                    Key = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StixId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IndicatorId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Named = table.Column<bool>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeen = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
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
