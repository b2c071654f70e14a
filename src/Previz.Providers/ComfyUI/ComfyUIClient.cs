using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.ComfyUI;

/// <summary>
/// A ComfyUI server the user runs, through its HTTP API (comfyanonymous/ComfyUI server.py;
/// docs.comfy.org/development/comfyui-server/comms_routes):
/// <list type="bullet">
/// <item>inputs: <c>POST /upload/image</c>, multipart <c>image</c> (+ <c>type=input</c>, <c>overwrite</c>) →
/// <c>{name, subfolder, type}</c>; the name goes into the workflow's slot (LoadVideo/LoadImage read the input folder);</item>
/// <item>submit: <c>POST /prompt {prompt: API-format workflow, client_id}</c> → <c>{prompt_id, number, node_errors}</c>, or
/// 400 <c>{error, node_errors}</c> when the workflow does not validate;</item>
/// <item>state: <c>GET /history/{prompt_id}</c> is <c>{}</c> until the prompt ran, then holds its <c>outputs</c> and
/// <c>status</c> (<c>status_str</c> success|error, <c>messages</c> with <c>execution_error</c>); before that
/// <c>GET /queue</c> lists it in <c>queue_running</c> or <c>queue_pending</c> (<c>[number, prompt_id, …]</c>, run in
/// number order);</item>
/// <item>result: <c>GET /view?filename=&amp;subfolder=&amp;type=output</c>;</item>
/// <item>cancel: <c>POST /queue {"delete": [prompt_id]}</c> while pending, <c>POST /interrupt</c> while running.</item>
/// </list>
/// No key: the address is <see cref="ComfyUIOptions.Url"/>; every failure to reach it names it. Progress comes from
/// polling (queue position, running); the /ws progress messages are not read.
/// </summary>
public sealed class ComfyUIClient : IHostedVideoClient
{
    private const HostedProvider ComfyUI = HostedProvider.ComfyUI;
    private static readonly string[] VideoExtensions = [".mp4", ".webm", ".mov", ".mkv"];

    private readonly ComfyUIOptions _options;
    private readonly VendorTransport _transport;
    private readonly ILogger<ComfyUIClient> _logger;
    private readonly string _clientId = "previz-" + Guid.NewGuid().ToString("N");

    /// <summary>Creates the client (normally through <c>AddPrevizProviders</c>).</summary>
    public ComfyUIClient(
        IHttpClientFactory httpClients,
        ProviderKeys keys,
        IOptions<ComfyUIOptions> options,
        IOptions<ProviderHttpOptions> httpOptions,
        TimeProvider time,
        ILogger<ComfyUIClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpOptions);
        _options = options.Value;
        _logger = logger;
        // The server takes no credentials: nothing is added to requests.
        _transport = new VendorTransport(httpClients, keys, httpOptions.Value, time, logger, ComfyUI, (_, _) => { }, ComfyUIErrors.Map);
    }

    /// <inheritdoc />
    public HostedProvider Provider => ComfyUI;

    /// <inheritdoc />
    public async Task<SubmittedJob> SubmitAsync(HostedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workflow = ComfyUIWorkflow.Load(WorkflowPath(request.Endpoint));
        return await Reaching(() => _transport.SubmitAsync(
            request, Url("prompt"), "prompt_id", UploadAsync, null,
            slots => new JsonObject { ["prompt"] = ComfyUIWorkflow.Fill(workflow, WithDefaults(slots), request.Endpoint), ["client_id"] = _clientId },
            cancellationToken));
    }

    /// <inheritdoc />
    public Task<HostedJobStatus> GetStatusAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Reaching(async () =>
        {
            if (await HistoryAsync(job.RequestId, cancellationToken) is { } done)
            {
                return Finished(done);
            }

            var queue = await _transport.GetJsonAsync(Url("queue"), cancellationToken);
            if (Contains(queue, "queue_running", job.RequestId) is not null)
            {
                return new RunningStatus(null, []);
            }

            if (Contains(queue, "queue_pending", job.RequestId) is { } position)
            {
                // Ahead of it: the pending prompts before it and whatever runs now.
                return new QueuedStatus(position + (queue["queue_running"] as JsonArray ?? []).Count);
            }

            // Finished between the two questions, or forgotten (the server restarted, the queue or history was cleared).
            return await HistoryAsync(job.RequestId, cancellationToken) is { } late
                ? Finished(late)
                : new FailedStatus(new HostedFailure(VendorErrorCategory.NotFound,
                    $"The ComfyUI server at {BaseUrl()} no longer knows prompt {job.RequestId}: it is neither queued, running nor in its history (the server restarted or its queue was cleared). Generate again.",
                    "lost"));
        });
    }

    /// <inheritdoc />
    public Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken) =>
        Reaching(() => _transport.DownloadAsync(output, destination, expected, cancellationToken));

    /// <inheritdoc />
    public Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Reaching(async () =>
        {
            var queue = await _transport.GetJsonAsync(Url("queue"), cancellationToken);
            if (Contains(queue, "queue_pending", job.RequestId) is not null)
            {
                return await PostAsync(job, "queue", new JsonObject { ["delete"] = new JsonArray(job.RequestId) }, cancellationToken);
            }

            if (Contains(queue, "queue_running", job.RequestId) is not null)
            {
                // Newer servers stop only this prompt when named; older ones interrupt whatever runs, which is this one.
                return await PostAsync(job, "interrupt", new JsonObject { ["prompt_id"] = job.RequestId }, cancellationToken);
            }

            return await HistoryAsync(job.RequestId, cancellationToken) is null ? CancelOutcome.NotFound : CancelOutcome.AlreadyCompleted;
        });
    }

    private Task<CancelOutcome> PostAsync(SubmittedJob job, string path, JsonObject body, CancellationToken cancellationToken) =>
        _transport.CancelAsync(job, HttpMethod.Post, Url(path), null, answer => answer.Status is >= 200 and < 300 ? CancelOutcome.Requested : null, cancellationToken, body);

    /// <summary>The prompt's history entry once it ran; null while it has none.</summary>
    private async Task<JsonObject?> HistoryAsync(string promptId, CancellationToken cancellationToken) =>
        await _transport.GetJsonAsync(Url($"history/{Uri.EscapeDataString(promptId)}"), cancellationToken) is JsonObject history && history[promptId] is JsonObject entry
            ? entry
            : null;

    private HostedJobStatus Finished(JsonObject entry)
    {
        var status = entry["status"];
        var messages = status?["messages"] as JsonArray ?? [];
        if (JsonRead.String(status, "status_str") == "error")
        {
            if (Message(messages, "execution_interrupted") is not null)
            {
                return new CanceledStatus();
            }

            var error = Message(messages, "execution_error");
            var reason = error is null
                ? "the workflow failed"
                : $"node {JsonRead.Text(error["node_id"])} ({JsonRead.String(error, "node_type")}): {JsonRead.String(error, "exception_message")?.Trim()}";
            return _transport.Failed(VendorErrorCategory.GenerationFailed, JsonRead.String(error, "exception_type"), reason);
        }

        var files = (entry["outputs"] as JsonObject ?? []).SelectMany(o => o.Value as JsonObject ?? [])
            .SelectMany(list => list.Value as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(f => JsonRead.String(f, "filename") is { Length: > 0 })
            .OrderBy(f => VideoExtensions.Contains(Path.GetExtension(JsonRead.String(f, "filename")!).ToLowerInvariant()) ? 0 : 1)
            .Select(f => new HostedOutput(
                Url(JsonRead.Invariant($"view?filename={Uri.EscapeDataString(JsonRead.String(f, "filename")!)}&subfolder={Uri.EscapeDataString(JsonRead.String(f, "subfolder") ?? "")}&type={Uri.EscapeDataString(JsonRead.String(f, "type") ?? "output")}")),
                null,
                JsonRead.String(f, "filename")))
            .ToList();
        return _transport.Succeeded(files, "the workflow finished without an output file (does it end in SaveVideo?)");
    }

    /// <summary>The data of the first <c>[event, data]</c> message named <paramref name="name"/>.</summary>
    private static JsonObject? Message(JsonArray messages, string name) =>
        messages.OfType<JsonArray>().FirstOrDefault(m => m.Count == 2 && JsonRead.Text(m[0]) == name)?[1] as JsonObject;

    /// <summary>The prompt's place in a queue list (<c>[number, prompt_id, …]</c> entries, run in number order); null when absent.</summary>
    private static int? Contains(JsonNode queue, string list, string promptId)
    {
        var entries = (queue[list] as JsonArray ?? []).OfType<JsonArray>().Where(e => e.Count >= 2)
            .OrderBy(e => e[0] is JsonValue v && v.TryGetValue<double>(out var n) ? n : double.MaxValue)
            .ToList();
        var index = entries.FindIndex(e => JsonRead.Text(e[1]) == promptId);
        return index < 0 ? null : index;
    }

    /// <summary>The request's slots, with an empty negative prompt and a random seed where the request has none.</summary>
    private static JsonObject WithDefaults(JsonObject slots)
    {
        slots["negative_prompt"] ??= "";
        slots["seed"] ??= Random.Shared.NextInt64(0, 1L << 48);
        return slots;
    }

    private async Task<string> UploadAsync(HostedInputFile file, CancellationToken cancellationToken)
    {
        using var form = new MultipartFormDataContent();
        var content = new ReadOnlyMemoryContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        // A name of its own per upload, so two jobs never read each other's guide.
        form.Add(content, "image", $"previz-{Guid.NewGuid():N}-{file.Name}");
        form.Add(new StringContent("input"), "type");
        form.Add(new StringContent("true"), "overwrite");
        using var post = _transport.Authorized(HttpMethod.Post, Url("upload/image"));
        post.Content = form;
        var answer = await _transport.SendJsonAsync(post, cancellationToken);
        var name = JsonRead.String(answer, "name");
        if (string.IsNullOrEmpty(name))
        {
            throw _transport.BadResponse("the upload answer has no name");
        }

        ProvidersLog.Uploaded(_logger, ComfyUI, file.Name, file.Content.Length);
        return JsonRead.String(answer, "subfolder") is { Length: > 0 } subfolder ? $"{subfolder}/{name}" : name;
    }

    /// <summary>Runs a call to the server, turning "cannot connect" into an error that names the configured address.</summary>
    private async Task<T> Reaching<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (HostedProviderException e) when (e.Failure.Category == VendorErrorCategory.VendorUnavailable && e.HttpStatus is null)
        {
            throw new HostedProviderException(ComfyUI, new HostedFailure(VendorErrorCategory.VendorUnavailable,
                $"The ComfyUI server at {BaseUrl()} cannot be reached ({TextExcerpt.Of(e.InnerException?.Message ?? e.Message, 120)}): start it, or set Providers__ComfyUI__Url to its address."), null, null, e);
        }
    }

    private string WorkflowPath(string endpoint)
    {
        if (_options.Workflow is { Length: > 0 } path)
        {
            return Path.GetFullPath(path);
        }

        if (endpoint.Length == 0 || endpoint.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not '-' and not '.') || endpoint.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{endpoint}' is not a workflow name.", nameof(endpoint));
        }

        return Path.Combine(AppContext.BaseDirectory, "ComfyUI", "Workflows", endpoint + ".json");
    }

    private string BaseUrl() =>
        (_options.Url ?? throw new MissingApiKeyException(ComfyUI, ProviderKeys.VariableName(ComfyUI))).AbsoluteUri.TrimEnd('/');

    private Uri Url(string pathAndQuery) => new(string.Create(CultureInfo.InvariantCulture, $"{BaseUrl()}/{pathAndQuery}"));
}
