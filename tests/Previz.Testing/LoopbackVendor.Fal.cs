using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>
/// fal's queue API under <c>/queue</c> and its storage API under <c>/rest</c>, per fal-ai/fal-js (libs/client/src/queue.ts,
/// storage.ts) and fal's "Inference API" reference: submit <c>POST /queue/{endpoint_id}</c> → <c>request_id</c>,
/// <c>status_url</c>, <c>response_url</c>, <c>cancel_url</c>, <c>queue_position</c>; status under
/// <c>{owner}/{app}/requests/{id}/status</c> → <c>IN_QUEUE</c> (+queue_position), <c>IN_PROGRESS</c> (+logs),
/// <c>COMPLETED</c> (+ <c>error</c>, <c>error_type</c> when the model failed); the result repeats a model error as a 422;
/// cancel <c>PUT …/cancel</c> → 202 <c>CANCELLATION_REQUESTED</c> or 400 <c>ALREADY_COMPLETED</c>; storage initiate →
/// <c>upload_url</c> + <c>file_url</c>, then the bytes PUT to <c>upload_url</c>.
/// </summary>
public sealed partial class LoopbackVendor
{
    /// <summary>An endpoint id to submit to (the stand-in takes any <c>owner/app[/path]</c>).</summary>
    public const string FalEndpoint = "fal-ai/test-video/image-to-video";

    public Uri FalQueueUrl => Url("/queue");

    public Uri FalStorageUrl => Url("/rest");

    /// <summary>The <c>queue_position</c> fal gives in submit answers and while a job is queued.</summary>
    public int QueuePosition { get; set; }

    /// <summary>Where fal's answers put the request of <paramref name="endpoint"/>: <c>/queue/{owner}/{app}/requests/{id}</c>.</summary>
    public static string FalRequestPath(string endpoint, string id) =>
        $"/queue/{string.Join('/', endpoint.Split('/').Take(2))}/requests/{id}";

    /// <summary>fal's answer to a submit of <paramref name="endpoint"/> taken as request <paramref name="id"/>.</summary>
    public JsonObject FalSubmitAnswer(string endpoint, string id) => new()
    {
        ["request_id"] = id,
        ["response_url"] = Url(FalRequestPath(endpoint, id)).AbsoluteUri,
        ["status_url"] = Url(FalRequestPath(endpoint, id) + "/status").AbsoluteUri,
        ["cancel_url"] = Url(FalRequestPath(endpoint, id) + "/cancel").AbsoluteUri,
        ["queue_position"] = QueuePosition,
    };

    private Reply? Fal(RecordedRequest request, string[] parts)
    {
        switch (request.Method, parts)
        {
            case ("POST", ["rest", "storage", "upload", "initiate"]):
                var initiate = request.Json;
                var name = (string?)initiate["file_name"] ?? "file";
                var fileUrl = $"https://v3.fal.media/files/{Guid.NewGuid():N}/{name}";
                var slot = ExpectUpload(fileUrl, new UploadedFile(name, (string?)initiate["content_type"] ?? string.Empty, []));
                return Reply.Json(new JsonObject { ["upload_url"] = Url($"/upload/{slot}").AbsoluteUri, ["file_url"] = fileUrl });
            case ("PUT", ["upload", var target]) when CompleteUpload(target, request, file => file):
                return Reply.Empty(200);
            case ("POST", ["queue", _, _, ..]) when !parts.Contains("requests"):
                var endpoint = string.Join('/', parts.Skip(1));
                return Reply.Json(FalSubmitAnswer(endpoint, Submit(endpoint, request)));
            case ("GET", ["queue", _, _, "requests", var id, "status"]):
                return FalStatus(id);
            case ("GET", ["queue", _, _, "requests", var id]):
                return FalResult(id);
            case ("PUT", ["queue", _, _, "requests", var id, "cancel"]):
                return !_jobs.ContainsKey(id) ? Reply.Json(404, new JsonObject { ["status"] = "NOT_FOUND" })
                    : Cancel(id) ? Reply.Json(202, new JsonObject { ["status"] = "CANCELLATION_REQUESTED" })
                    : Reply.Json(400, new JsonObject { ["status"] = "ALREADY_COMPLETED" });
            default:
                return null;
        }
    }

    private Reply FalStatus(string id) => StatusOf(id, phase => phase switch
    {
        null => Reply.Json(404, new JsonObject { ["detail"] = "Request not found" }),
        JobPhase.Queued => FalReplies.Queued(QueuePosition),
        JobPhase.Running => FalReplies.InProgress(),
        JobPhase.Failed => Reply.Json(new JsonObject { ["status"] = "COMPLETED", ["error"] = Failure!.Value.Message, ["error_type"] = Failure.Value.Code }),
        _ => FalReplies.Completed(),
    });

    private Reply FalResult(string id)
    {
        if (!_jobs.ContainsKey(id))
        {
            return Reply.Json(404, new JsonObject { ["detail"] = "Request not found" });
        }

        if (Failure is { } failure)
        {
            return Reply.Json(422, new JsonObject
            {
                ["detail"] = new JsonArray(new JsonObject { ["loc"] = new JsonArray("body"), ["msg"] = failure.Message, ["type"] = failure.Code }),
            });
        }

        return Reply.Json(new JsonObject
        {
            ["video"] = new JsonObject
            {
                ["url"] = ResultUrl(id).AbsoluteUri,
                ["content_type"] = "video/mp4",
                ["file_name"] = $"{id}.mp4",
                ["file_size"] = (ClipOf?.Invoke(id) ?? Clip).Length,
            },
            ["seed"] = 42,
        });
    }

    /// <summary>Where the clip of request <paramref name="id"/> is served (any vendor).</summary>
    public Uri ResultUrl(string id) => Url($"/files/{id}.mp4");
}
