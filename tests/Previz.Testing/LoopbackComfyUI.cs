using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Previz.Testing;

/// <summary>
/// A stand-in for a user's ComfyUI server on 127.0.0.1 (random port), written from ComfyUI's documented HTTP API
/// (docs.comfy.org/development/comfyui-server/comms_routes; comfyanonymous/ComfyUI server.py):
/// <c>POST /upload/image</c> (multipart <c>image</c>) → <c>{name, subfolder, type}</c>; <c>POST /prompt</c>
/// <c>{prompt, client_id}</c> → <c>{prompt_id, number, node_errors}</c> or 400 <c>{error, node_errors}</c> when a node's
/// input does not validate (an unknown linked node, a file not in the input folder, an unfilled "{{slot}}"); prompts run
/// one at a time in number order, each taking <see cref="RunTime"/>; <c>GET /queue</c> lists <c>queue_running</c> and
/// <c>queue_pending</c> as <c>[number, prompt_id, prompt, extra, outputs]</c>; <c>GET /history/{id}</c> is <c>{}</c> until
/// the prompt ended, then <c>{id: {prompt, outputs, status: {status_str, completed, messages}}}</c>; <c>GET /view</c>
/// serves the output; <c>POST /queue {delete}</c> drops pending prompts and <c>POST /interrupt</c> stops the running one.
/// </summary>
public sealed class LoopbackComfyUI : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Prompt> _prompts = [];
    private readonly Lock _gate = new();
    private int _number;

    private LoopbackComfyUI(WebApplication app, byte[] clip)
    {
        _app = app;
        Clip = clip;
    }

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>The file every finished prompt outputs.</summary>
    public byte[] Clip { get; }

    /// <summary>How long each prompt runs once it is first in line.</summary>
    public TimeSpan RunTime { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>When set, a prompt that runs ends with this execution error (node id, node type, exception message).</summary>
    public (string NodeId, string NodeType, string Message)? ExecutionError { get; set; }

    /// <summary>Files uploaded to the input folder, by the name the server gave them.</summary>
    public ConcurrentDictionary<string, UploadedFile> Inputs { get; } = new();

    /// <summary>Every workflow POSTed to /prompt and accepted.</summary>
    public ConcurrentQueue<JsonObject> Workflows { get; } = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackComfyUI> StartAsync(byte[]? clip = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new LoopbackComfyUI(app, clip ?? Media.Mp4());
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Forgets every prompt, as a restarted server does (its queue and history live in memory).</summary>
    public void Restart()
    {
        lock (_gate)
        {
            _prompts.Clear();
        }
    }

    /// <summary>Stops listening: from now on connections are refused.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        var request = context.Request;
        IFormCollection? form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;
        if (form is null)
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
        }

        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", request.QueryString.Value ?? "",
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray(), DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        // Every route is also served under /api (server.py registers both).
        var path = recorded.Path.StartsWith("/api/", StringComparison.Ordinal) ? recorded.Path[4..] : recorded.Path;
        var reply = (recorded.Method, path) switch
        {
            ("POST", "/upload/image") when form is not null => await UploadAsync(form),
            ("POST", "/prompt") => Submit(recorded.Json),
            ("GET", "/queue") => Reply.Json(Queue()),
            ("POST", "/queue") => Delete(recorded.Json),
            ("POST", "/interrupt") => Interrupt(),
            ("GET", "/view") => View(request.Query),
            ("GET", var p) when p.StartsWith("/history/", StringComparison.Ordinal) => Reply.Json(History(p["/history/".Length..])),
            _ => Reply.Empty(404),
        };
        context.Response.StatusCode = reply.Status;
        if (reply.ContentType is not null)
        {
            context.Response.ContentType = reply.ContentType;
        }

        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private async Task<Reply> UploadAsync(IFormCollection form)
    {
        var file = form.Files.GetFile("image");
        if (file is null)
        {
            return Reply.Empty(400);
        }

        using var bytes = new MemoryStream();
        await file.CopyToAsync(bytes);
        var name = file.FileName;
        // Without overwrite, a taken name gets " (1)" before its extension (server.py image_upload).
        if (form["overwrite"] != "true" && form["overwrite"] != "1" && Inputs.ContainsKey(name))
        {
            name = $"{Path.GetFileNameWithoutExtension(name)} (1){Path.GetExtension(name)}";
        }

        Inputs[name] = new UploadedFile(name, file.ContentType, bytes.ToArray());
        return Reply.Json(new JsonObject { ["name"] = name, ["subfolder"] = "", ["type"] = "input" });
    }

    private Reply Submit(JsonObject body)
    {
        if (body["prompt"] is not JsonObject workflow)
        {
            return Reply.Json(400, new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_prompt", ["message"] = "Cannot execute because the prompt is not an object", ["details"] = "" }, ["node_errors"] = new JsonObject() });
        }

        var nodeErrors = new JsonObject();
        foreach (var (id, node) in workflow)
        {
            var errors = new JsonArray();
            foreach (var (input, value) in node?["inputs"] as JsonObject ?? [])
            {
                if (value is JsonArray { Count: 2 } link && link[0] is JsonValue target && !workflow.ContainsKey(target.ToString()))
                {
                    errors.Add(Error("exception_during_inner_validation", "Required input is missing", $"{input}: node {target} does not exist"));
                }
                else if (value is JsonValue v && v.TryGetValue<string>(out var text) && text.Contains("{{", StringComparison.Ordinal))
                {
                    errors.Add(Error("invalid_input_type", "Failed to convert an input value", $"{input}: '{text}'"));
                }
                else if ((string?)node!["class_type"] is "LoadVideo" or "LoadImage" && input is "file" or "image" && !Inputs.ContainsKey((string?)value ?? ""))
                {
                    errors.Add(Error("value_not_in_list", "Value not in list", $"{input}: '{value}' not in [{string.Join(", ", Inputs.Keys)}]"));
                }
            }

            if (errors.Count > 0)
            {
                nodeErrors[id] = new JsonObject { ["errors"] = errors, ["dependent_outputs"] = new JsonArray(), ["class_type"] = (string?)node!["class_type"] };
            }
        }

        if (nodeErrors.Count > 0)
        {
            return Reply.Json(400, new JsonObject
            {
                ["error"] = new JsonObject { ["type"] = "prompt_outputs_failed_validation", ["message"] = "Prompt outputs failed validation", ["details"] = "" },
                ["node_errors"] = nodeErrors,
            });
        }

        Workflows.Enqueue(workflow);
        var prompt = new Prompt(Guid.NewGuid().ToString(), Interlocked.Increment(ref _number), workflow);
        lock (_gate)
        {
            _prompts.Add(prompt);
        }

        return Reply.Json(new JsonObject { ["prompt_id"] = prompt.Id, ["number"] = prompt.Number, ["node_errors"] = new JsonObject() });
    }

    private static JsonObject Error(string type, string message, string details) =>
        new() { ["type"] = type, ["message"] = message, ["details"] = details, ["extra_info"] = new JsonObject() };

    /// <summary>Runs the queue forward to now: the first unfinished prompt runs for <see cref="RunTime"/>, then the next.</summary>
    private void Advance()
    {
        var now = DateTimeOffset.UtcNow;
        DateTimeOffset? freeAt = null;
        foreach (var p in _prompts.Where(p => p.EndedAt is null).OrderBy(p => p.Number))
        {
            p.StartedAt ??= freeAt ?? now;
            if (now - p.StartedAt < RunTime)
            {
                return;
            }

            p.EndedAt = p.StartedAt + RunTime;
            p.Error = ExecutionError;
            freeAt = p.EndedAt;
        }
    }

    private JsonObject Queue()
    {
        lock (_gate)
        {
            Advance();
            var open = _prompts.Where(p => p.EndedAt is null).OrderBy(p => p.Number).ToList();
            return new JsonObject
            {
                ["queue_running"] = new JsonArray([.. open.Take(1).Select(Entry)]),
                ["queue_pending"] = new JsonArray([.. open.Skip(1).Select(Entry)]),
            };
        }
    }

    private static JsonNode Entry(Prompt p) => new JsonArray(p.Number, p.Id, p.Workflow.DeepClone(), new JsonObject(), new JsonArray());

    private JsonObject History(string id)
    {
        lock (_gate)
        {
            Advance();
            var p = _prompts.FirstOrDefault(x => x.Id == id && x.EndedAt is not null);
            if (p is null)
            {
                return [];
            }

            var messages = new JsonArray(new JsonArray("execution_start", new JsonObject { ["prompt_id"] = id }));
            JsonObject outputs = [];
            string status;
            if (p.Interrupted)
            {
                status = "error";
                messages.Add(new JsonArray("execution_interrupted", new JsonObject { ["prompt_id"] = id, ["node_id"] = "9", ["node_type"] = "KSampler" }));
            }
            else if (p.Error is { } e)
            {
                status = "error";
                messages.Add(new JsonArray("execution_error", new JsonObject
                {
                    ["prompt_id"] = id,
                    ["node_id"] = e.NodeId,
                    ["node_type"] = e.NodeType,
                    ["exception_message"] = e.Message,
                    ["exception_type"] = "torch.OutOfMemoryError",
                }));
            }
            else
            {
                status = "success";
                messages.Add(new JsonArray("execution_success", new JsonObject { ["prompt_id"] = id }));
                // SaveVideo's UI output (nodes_video.py): the file under "images" with "animated".
                var save = p.Workflow.FirstOrDefault(n => (string?)n.Value?["class_type"] == "SaveVideo").Key ?? "1";
                outputs[save] = new JsonObject
                {
                    ["images"] = new JsonArray(new JsonObject { ["filename"] = $"clip-{p.Number:00000}_.mp4", ["subfolder"] = "previz", ["type"] = "output" }),
                    ["animated"] = new JsonArray(true),
                };
            }

            return new JsonObject
            {
                [id] = new JsonObject
                {
                    ["prompt"] = Entry(p),
                    ["outputs"] = outputs,
                    ["status"] = new JsonObject { ["status_str"] = status, ["completed"] = status == "success", ["messages"] = messages },
                },
            };
        }
    }

    private Reply Delete(JsonObject body)
    {
        lock (_gate)
        {
            Advance();
            var ids = (body["delete"] as JsonArray ?? []).Select(n => (string?)n).ToHashSet();
            var running = _prompts.Where(p => p.EndedAt is null).OrderBy(p => p.Number).FirstOrDefault();
            _prompts.RemoveAll(p => p.EndedAt is null && p != running && ids.Contains(p.Id));
            return Reply.Empty(200);
        }
    }

    private Reply Interrupt()
    {
        lock (_gate)
        {
            Advance();
            if (_prompts.Where(p => p.EndedAt is null).OrderBy(p => p.Number).FirstOrDefault() is { } running)
            {
                running.Interrupted = true;
                running.EndedAt = DateTimeOffset.UtcNow;
            }

            return Reply.Empty(200);
        }
    }

    private Reply View(IQueryCollection query) =>
        query["type"] == "output" && query["subfolder"] == "previz" && ((string?)query["filename"] ?? "").EndsWith(".mp4", StringComparison.Ordinal)
            ? Reply.Bytes(Clip, "video/mp4")
            : Reply.Empty(404);

    private sealed class Prompt(string id, int number, JsonObject workflow)
    {
        public string Id { get; } = id;

        public int Number { get; } = number;

        public JsonObject Workflow { get; } = workflow;

        public DateTimeOffset? StartedAt { get; set; }

        public DateTimeOffset? EndedAt { get; set; }

        public bool Interrupted { get; set; }

        public (string NodeId, string NodeType, string Message)? Error { get; set; }
    }
}
