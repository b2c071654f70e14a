using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>fal's status answers (fal-js queue.ts QueueStatus), for scripting <see cref="LoopbackVendor.Statuses"/>.</summary>
public static class FalReplies
{
    public static Reply Queued(int position) =>
        Reply.Json(202, new JsonObject { ["status"] = "IN_QUEUE", ["queue_position"] = position, ["response_url"] = "x" });

    public static Reply InProgress(params string[] logs) => Reply.Json(202, new JsonObject
    {
        ["status"] = "IN_PROGRESS",
        ["logs"] = new JsonArray(logs.Select(l => (JsonNode)new JsonObject { ["message"] = l, ["level"] = "INFO", ["timestamp"] = "2026-11-27T10:00:00Z" }).ToArray()),
    });

    public static Reply Completed() => Reply.Json(200, new JsonObject { ["status"] = "COMPLETED", ["logs"] = new JsonArray() });
}
