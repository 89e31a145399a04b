// Drives the official JavaScript SignalR client (@microsoft/signalr) against the ThreatShare hub,
// as a browser or a Node integration of another product would.
//
//   node alerts-client.mjs <server-url> <access-token>
//
// Writes one JSON line per event on standard output:
//   {"event":"connected"} · {"event":"alert","alert":{…}} · {"event":"result","id":…,"value":…}
//   {"event":"error","id":…,"message":…} · {"event":"closed","message":…}
// Reads one JSON command per line on standard input: {"id":1,"call":"Resume","args":["channel:…",0]}
// invokes a hub method and answers with "result" or "error"; {"call":"stop"} closes and exits.
import { createInterface } from "node:readline";
import { HubConnectionBuilder, HttpTransportType, LogLevel } from "@microsoft/signalr";

const [server, token] = process.argv.slice(2);
if (!server || !token) {
  process.stderr.write("usage: node alerts-client.mjs <server-url> <access-token>\n");
  process.exit(2);
}

const emit = (event) => process.stdout.write(JSON.stringify(event) + "\n");

const connection = new HubConnectionBuilder()
  .withUrl(new URL("/hubs/alerts", server).toString(), {
    transport: HttpTransportType.WebSockets,
    accessTokenFactory: () => token,
  })
  .configureLogging(LogLevel.Warning)
  .build();

connection.on("alert", (alert) => emit({ event: "alert", alert }));
connection.onclose((error) => {
  emit({ event: "closed", message: error ? String(error.message ?? error) : null });
  process.exit(0);
});

try {
  await connection.start();
} catch (error) {
  emit({ event: "error", id: null, message: String(error.message ?? error) });
  process.exit(1);
}
emit({ event: "connected" });

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const command = JSON.parse(line);
  if (command.call === "stop") {
    await connection.stop();
    break;
  }
  try {
    const value = await connection.invoke(command.call, ...(command.args ?? []));
    emit({ event: "result", id: command.id, value: value ?? null });
  } catch (error) {
    emit({ event: "error", id: command.id, message: String(error.message ?? error) });
  }
}
