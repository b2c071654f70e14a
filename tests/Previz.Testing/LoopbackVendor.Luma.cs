using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>
/// Luma's Agents API under <c>/luma/v1</c>, per lumalabs/luma-agents-python@38837df: <c>POST /generations</c> → 201 with
/// the Generation <c>{id, created_at, model, state: queued, type}</c> (types/generation.py), or 400 with
/// <c>{detail}</c> when <c>prompt</c> (required, generation_create_params.py) is missing — synchronous errors carry
/// <c>detail</c> (docs.agents.lumalabs.ai guides/error-handling); <c>GET /generations/{id}</c> → <c>state</c> queued,
/// processing, completed (+ <c>output: [{type: video, url}]</c>, generation_output.py) or failed (+
/// <c>failure_code</c>, <c>failure_reason</c>), and 404 <c>{detail}</c> for an unknown id. The API has no cancel (api.md
/// lists create and get only): any other method or path gets a bare 404. A 429 with <c>Retry-After</c>
/// (<see cref="Reply.RateLimited"/>) is scripted with <see cref="Answer"/>.
/// </summary>
public sealed partial class LoopbackVendor
{
    public Uri LumaUrl => Url("/luma/v1");

    private Reply? Luma(RecordedRequest request, string[] parts)
    {
        switch (request.Method, parts)
        {
            case ("POST", ["luma", "v1", "generations"]):
                var body = request.Json;
                if (body["prompt"] is not JsonValue)
                {
                    return Reply.Json(400, new JsonObject { ["detail"] = "prompt: Field required" });
                }

                return Reply.Json(201, new JsonObject
                {
                    ["id"] = Submit("generations", request),
                    ["created_at"] = "2026-11-27T10:00:00Z",
                    ["model"] = body["model"]?.DeepClone() ?? JsonValue.Create("uni-1"),
                    ["state"] = "queued",
                    ["type"] = body["type"]?.DeepClone() ?? JsonValue.Create("image"),
                });
            case ("GET", ["luma", "v1", "generations", var id]):
                return LumaGeneration(id);
            default:
                return null;
        }
    }

    private Reply LumaGeneration(string id) => StatusOf(id, phase =>
    {
        var generation = new JsonObject { ["id"] = id, ["created_at"] = "2026-11-27T10:00:00Z", ["model"] = "ray-3.2", ["type"] = "video" };
        switch (phase)
        {
            case null or JobPhase.Canceled:
                return Reply.Json(404, new JsonObject { ["detail"] = "Generation not found" });
            case JobPhase.Queued:
                generation["state"] = "queued";
                break;
            case JobPhase.Running:
                generation["state"] = "processing";
                break;
            case JobPhase.Failed:
                generation["state"] = "failed";
                generation["failure_code"] = Failure!.Value.Code;
                generation["failure_reason"] = Failure.Value.Message;
                break;
            default:
                generation["state"] = "completed";
                generation["output"] = new JsonArray(new JsonObject { ["type"] = "video", ["url"] = ResultUrl(id).AbsoluteUri });
                break;
        }

        return Reply.Json(generation);
    });
}
