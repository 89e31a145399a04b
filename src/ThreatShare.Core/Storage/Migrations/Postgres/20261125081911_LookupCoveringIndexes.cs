using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ThreatShare.Core.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LookupCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries");

            migrationBuilder.DropIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects");

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries",
                column: "Term")
                .Annotation("Npgsql:IndexInclude", new[] { "StixId", "Version", "ValidFrom", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects",
                columns: new[] { "StixId", "Version" },
                unique: true)
                .Annotation("Npgsql:IndexInclude", new[] { "Key", "State", "Tlp", "Channel", "SubmitterOrganizationId", "Revoked", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries");

            migrationBuilder.DropIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects");

            migrationBuilder.CreateIndex(
                name: "IX_ObservableEntries_Term",
                table: "ObservableEntries",
                column: "Term");

            migrationBuilder.CreateIndex(
                name: "IX_Objects_StixId_Version",
                table: "Objects",
                columns: new[] { "StixId", "Version" },
                unique: true);
        }
    }
}
