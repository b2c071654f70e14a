using System.Text.Json.Nodes;

namespace Previz.Testing;

/// <summary>
/// Luma's generations API under <c>/luma/v1</c>, per lumalabs/lumaai-python (Dream Machine): <c>POST /generations</c> →
/// 201 with <c>{id, state: queued}</c>; <c>GET /generations/{id}</c> → <c>state</c> queued, dreaming, completed (+
/// <c>assets.video</c>), failed (+ <c>failure_reason</c>; <c>failure_code</c> as the Agents API adds it);
/// <c>DELETE /generations/{id}</c> → 204, after which the generation is not found.
/// </summary>
public sealed partial class LoopbackVendor
{
    public Uri LumaUrl => Url("/luma/v1");

    private Reply? Luma(RecordedRequest request, string[] parts)
    {
        switch (request.Method, parts)
        {
            case ("POST", ["luma", "v1", "generations"]):
                return Reply.Json(201, new JsonObject { ["id"] = Submit("generations", request), ["state"] = "queued", ["created_at"] = "2026-11-27T10:00:00Z" });
            case ("GET", ["luma", "v1", "generations", var id]):
                return LumaGeneration(id);
            case ("DELETE", ["luma", "v1", "generations", var id]):
                return _jobs.ContainsKey(id) && Cancel(id) ? Reply.Empty(204) : NotFound();
            default:
                return null;
        }
    }

    private Reply LumaGeneration(string id) => StatusOf(id, phase =>
    {
        var generation = new JsonObject { ["id"] = id };
        switch (phase)
        {
            case null or JobPhase.Canceled:
                return NotFound();
            case JobPhase.Queued:
                generation["state"] = "queued";
                break;
            case JobPhase.Running:
                generation["state"] = "dreaming";
                break;
            case JobPhase.Failed:
                generation["state"] = "failed";
                generation["failure_code"] = Failure!.Value.Code;
                generation["failure_reason"] = Failure.Value.Message;
                break;
            default:
                generation["state"] = "completed";
                generation["assets"] = new JsonObject { ["video"] = ResultUrl(id).AbsoluteUri };
                break;
        }

        return Reply.Json(generation);
    });

    private static Reply NotFound() => Reply.Json(404, new JsonObject { ["detail"] = "Generation not found" });
}
