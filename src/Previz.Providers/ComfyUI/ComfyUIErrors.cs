using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.ComfyUI;

/// <summary>
/// ComfyUI's error answers (server.py post_prompt): a refused workflow is HTTP 400 with
/// <c>{"error": {"type", "message", "details"}, "node_errors": {node id: {"errors": [{"message", "details"}], "class_type"}}}</c>.
/// </summary>
internal static class ComfyUIErrors
{
    public static HostedFailure Map(VendorResponse answer)
    {
        var error = answer.Json is JsonObject o ? o["error"] : null;
        var message = JsonRead.String(error, "message") ?? JsonRead.Text(error);
        var nodes = new List<string>();
        if (answer.Json is JsonObject root && root["node_errors"] is JsonObject nodeErrors)
        {
            foreach (var (id, node) in nodeErrors)
            {
                var errors = node?["errors"] is JsonArray list
                    ? list.Select(e => $"{JsonRead.String(e, "message")}{(JsonRead.String(e, "details") is { Length: > 0 } d ? ": " + d : "")}")
                    : [];
                nodes.Add($"node {id} ({JsonRead.String(node, "class_type")}): {string.Join("; ", errors)}");
            }
        }

        var detail = string.Join(" — ", new[] { message }.Concat(nodes).Where(t => !string.IsNullOrWhiteSpace(t)));
        var category = answer.Status == 400 ? VendorErrorCategory.InvalidField : FailureMessages.FromStatus(answer.Status);
        return FailureMessages.Failure(HostedProvider.ComfyUI, category, string.IsNullOrEmpty(detail) ? $"HTTP {answer.Status}" : detail, JsonRead.String(error, "type"));
    }
}
