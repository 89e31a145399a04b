using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertDispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Dispatched",
                table: "Alerts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Alerts stored before this version were pushed when they were published; the sweep must not push them again.
            migrationBuilder.Sql("UPDATE \"Alerts\" SET \"Dispatched\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Undispatched",
                table: "Alerts",
                column: "At",
                filter: "\"Dispatched\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Alerts_Undispatched",
                table: "Alerts");

            migrationBuilder.DropColumn(
                name: "Dispatched",
                table: "Alerts");
        }
    }
}
