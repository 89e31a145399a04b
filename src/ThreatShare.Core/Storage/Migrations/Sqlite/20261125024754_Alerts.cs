using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Stream = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ObjectId = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ObjectVersion = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 250, nullable: true),
                    Tlp = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HideSource = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => new { x.Stream, x.Sequence });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Alerts");
        }
    }
}
