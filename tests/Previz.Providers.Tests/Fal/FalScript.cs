using System.Text.Json.Nodes;
using Previz.Providers.Tests.Loopback;

namespace Previz.Providers.Tests.Fal;

/// <summary>
/// Plays fal's queue protocol on the loopback vendor: submit answers with request_id and the three URLs, status walks
/// through the given answers (the last one repeats), the result and the media file are served from fixed paths.
/// </summary>
public sealed class FalScript
{
    public const string Endpoint = "fal-ai/kling-video/v2.1/pro/image-to-video";
    public const string RequestId = "764cabcf-b745-4b3e-ae38-1200304cf45b";
    public const string AppPath = "/queue/fal-ai/kling-video/requests/" + RequestId;

    private readonly LoopbackVendor _vendor;
    private int _statusCalls;

    public FalScript(LoopbackVendor vendor)
    {
        _vendor = vendor;
        Result = new JsonObject
        {
            ["video"] = new JsonObject
            {
                ["url"] = vendor.Url("/media/output.mp4").AbsoluteUri,
                ["content_type"] = "video/mp4",
                ["file_name"] = "output.mp4",
                ["file_size"] = 4096,
            },
        };
        vendor.Handle(Answer);
    }

    public List<Func<Reply>> Statuses { get; } = [];

    public Func<RecordedRequest, Reply>? Submit { get; set; }

    public Func<Reply>? ResultReply { get; set; }

    public JsonObject Result { get; set; }

    public Func<Reply> MediaReply { get; set; } = () => Reply.Bytes(Media.Mp4(), "video/mp4");

    public Func<Reply> CancelReply { get; set; } = () => Reply.Json(202, new JsonObject { ["status"] = "CANCELLATION_REQUESTED" });

    public Func<RecordedRequest, Reply>? Other { get; set; }

    public static Reply Queued(int position) => Reply.Json(202, new JsonObject { ["status"] = "IN_QUEUE", ["queue_position"] = position, ["response_url"] = "x" });

    public static Reply InProgress(params string[] logs) => Reply.Json(202, new JsonObject
    {
        ["status"] = "IN_PROGRESS",
        ["logs"] = new JsonArray(logs.Select(l => (JsonNode)new JsonObject { ["message"] = l, ["level"] = "INFO", ["timestamp"] = "2026-11-27T10:00:00Z" }).ToArray()),
    });

    public static Reply Completed() => Reply.Json(200, new JsonObject { ["status"] = "COMPLETED", ["logs"] = new JsonArray() });

    public JsonObject SubmitAnswer() => new()
    {
        ["request_id"] = RequestId,
        ["response_url"] = _vendor.Url(AppPath).AbsoluteUri,
        ["status_url"] = _vendor.Url(AppPath + "/status").AbsoluteUri,
        ["cancel_url"] = _vendor.Url(AppPath + "/cancel").AbsoluteUri,
        ["queue_position"] = 3,
    };

    private Reply Answer(RecordedRequest request)
    {
        if (request.Method == "POST" && request.Path == "/queue/" + Endpoint)
        {
            return Submit?.Invoke(request) ?? Reply.Json(SubmitAnswer());
        }

        if (request.Method == "GET" && request.Path == AppPath + "/status")
        {
            var index = Math.Min(_statusCalls++, Statuses.Count - 1);
            return Statuses[index]();
        }

        if (request.Method == "GET" && request.Path == AppPath)
        {
            return ResultReply?.Invoke() ?? Reply.Json(Result);
        }

        if (request.Method == "PUT" && request.Path == AppPath + "/cancel")
        {
            return CancelReply();
        }

        if (request.Method == "GET" && request.Path == "/media/output.mp4")
        {
            return MediaReply();
        }

        return Other?.Invoke(request) ?? Reply.Empty(404);
    }
}
