using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>
/// Runway's developer API under <c>/runway</c>, per runwayml/sdk-python: <c>POST /v1/{endpoint}</c> → <c>{id}</c>;
/// <c>GET /v1/tasks/{id}</c> → <c>status</c> PENDING, RUNNING (+progress), SUCCEEDED (+output URLs), FAILED
/// (+failure, failureCode), CANCELLED; <c>DELETE /v1/tasks/{id}</c> → 204; <c>POST /v1/uploads</c> → uploadUrl,
/// fields and runwayUri, then a multipart POST to uploadUrl → 204.
/// </summary>
public sealed partial class LoopbackVendor
{
    public Uri RunwayUrl => Url("/runway");

    private Reply? Runway(RecordedRequest request, string[] parts)
    {
        switch (request.Method, parts)
        {
            case ("POST", ["runway", "v1", "uploads"]):
                var name = (string?)request.Json["filename"] ?? "file";
                var runwayUri = $"runway://uploads/{Guid.NewGuid():N}/{name}";
                var slot = ExpectUpload(runwayUri, new UploadedFile(name, string.Empty, []));
                return Reply.Json(new JsonObject
                {
                    ["uploadUrl"] = Url($"/bucket/{slot}").AbsoluteUri,
                    ["fields"] = new JsonObject { ["key"] = $"uploads/{name}", ["policy"] = "p0l1cy" },
                    ["runwayUri"] = runwayUri,
                });
            // The multipart form is kept as it came: the stand-in does not take it apart.
            case ("POST", ["bucket", var target]) when CompleteUpload(target, request, file => file with { ContentType = request.Header("Content-Type") ?? string.Empty }):
                return Reply.Empty(204);
            case ("POST", ["runway", "v1", var endpoint]) when endpoint is not "tasks":
                return Reply.Json(new JsonObject { ["id"] = Submit(endpoint, request) });
            case ("GET", ["runway", "v1", "tasks", var id]):
                return RunwayTask(id);
            case ("DELETE", ["runway", "v1", "tasks", var id]):
                return _jobs.ContainsKey(id) && Cancel(id) ? Reply.Empty(204) : Reply.Json(404, new JsonObject { ["error"] = "Task not found" });
            default:
                return null;
        }
    }

    private Reply RunwayTask(string id) => StatusOf(id, phase =>
    {
        var task = new JsonObject { ["id"] = id, ["createdAt"] = "2026-11-27T10:00:00Z" };
        switch (phase)
        {
            case null:
                return Reply.Json(404, new JsonObject { ["error"] = "Task not found" });
            case JobPhase.Queued:
                task["status"] = "PENDING";
                break;
            case JobPhase.Running:
                task["status"] = "RUNNING";
                task["progress"] = 0.5;
                break;
            case JobPhase.Failed:
                task["status"] = "FAILED";
                task["failureCode"] = Failure!.Value.Code;
                task["failure"] = Failure.Value.Message;
                break;
            case JobPhase.Canceled:
                task["status"] = "CANCELLED";
                break;
            default:
                task["status"] = "SUCCEEDED";
                task["output"] = new JsonArray(ResultUrl(id).AbsoluteUri);
                break;
        }

        return Reply.Json(task);
    });
}
