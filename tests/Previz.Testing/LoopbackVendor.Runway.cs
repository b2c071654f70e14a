using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>
/// Runway's developer API under <c>/runway</c>, per runwayml/sdk-python: <c>POST /v1/{endpoint}</c> → <c>{id}</c>;
/// <c>GET /v1/tasks/{id}</c> → <c>status</c> PENDING, RUNNING (+progress), SUCCEEDED (+output URLs), FAILED
/// (+failure, failureCode), CANCELLED; <c>DELETE /v1/tasks/{id}</c> → 204; <c>POST /v1/uploads</c> → uploadUrl,
/// fields and runwayUri, then a multipart POST to uploadUrl of the fields plus <c>file</c> → 204 (403 when a field
/// handed out is missing, as a presigned form post refuses it); the file part is kept as the upload.
/// <c>POST /v1/video_to_video</c> (types/video_to_video_create_params.py) takes its video as a URI: an <c>aleph2</c> task
/// without <c>videoUri</c>, or whose <c>runway://</c> URI was never uploaded, is a 400 with an <c>error</c> naming the
/// field (docs.dev.runwayml.com/errors/errors).
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
            case ("POST", ["bucket", var target]) when _uploadSlots.ContainsKey(target):
                return RunwayFormPost(target, request);
            case ("POST", ["runway", "v1", "video_to_video"]) when RunwayVideoError(request.Json) is { } error:
                return Reply.Json(400, new JsonObject { ["error"] = error });
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

    /// <summary>The multipart form post to an upload URL: the fields handed out plus <c>file</c>, whose bytes and type are kept.</summary>
    private Reply RunwayFormPost(string slot, RecordedRequest request)
    {
        var (fields, file) = MultipartForm.Read(request.Body, request.Header("Content-Type") ?? string.Empty);
        if (file is null || fields.GetValueOrDefault("key") is null || fields.GetValueOrDefault("policy") != "p0l1cy")
        {
            return Reply.Empty(403);
        }

        CompleteUpload(slot, request, upload => upload with { ContentType = file.Value.ContentType, Content = file.Value.Content });
        return Reply.Empty(204);
    }

    /// <summary>What Runway would refuse in a video-to-video body: the video field of the model missing or not a usable URI.</summary>
    private string? RunwayVideoError(JsonNode? body)
    {
        // aleph2 and gemini_omni_flash take videoUri; the seedance2 family promptVideo (video_to_video_create_params.py).
        var field = (string?)body?["model"] switch
        {
            "aleph2" or "gemini_omni_flash" => "videoUri",
            "seedance2" or "seedance2_fast" or "seedance2_mini" => "promptVideo",
            _ => null,
        };
        if (field is null)
        {
            return $"model: expected one of aleph2, seedance2, seedance2_fast, seedance2_mini, gemini_omni_flash, got {body?["model"]?.ToJsonString() ?? "nothing"}";
        }

        var uri = (string?)body?[field];
        if (string.IsNullOrEmpty(uri))
        {
            return $"{field}: Required";
        }

        return uri.StartsWith("runway://", StringComparison.Ordinal) && !(Uploads.TryGetValue(uri, out var upload) && upload.Content.Length > 0)
            ? $"{field}: the upload {uri} was not found"
            : null;
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
