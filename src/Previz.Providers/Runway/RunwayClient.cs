using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Runway;

/// <summary>
/// Runway's developer API, per runwayml/sdk-python:
/// <list type="bullet">
/// <item><c>Authorization: Bearer &lt;RUNWAYML_API_SECRET&gt;</c> and <c>X-Runway-Version: 2024-11-06</c> on every call
/// (_client.py auth_headers, default_headers);</item>
/// <item>submit <c>POST /v1/{endpoint}</c>, e.g. <c>/v1/image_to_video</c> → <c>{id}</c>
/// (resources/image_to_video.py);</item>
/// <item>poll <c>GET /v1/tasks/{id}</c> → <c>status</c> PENDING, THROTTLED, RUNNING (+<c>progress</c> 0..1), SUCCEEDED
/// (<c>output[]</c> URLs expiring in 24–48 h), FAILED (<c>failure</c>, <c>failureCode</c>), CANCELLED
/// (types/task_retrieve_response.py); "do not expect updates more often than every five seconds" (resources/tasks.py);</item>
/// <item>cancel <c>DELETE /v1/tasks/{id}</c> for running, pending or throttled tasks (resources/tasks.py delete);</item>
/// <item>uploads <c>POST /v1/uploads {filename, type: "ephemeral"}</c> → <c>{uploadUrl, fields, runwayUri}</c>, then a
/// multipart POST of <c>fields</c> plus <c>file</c> to <c>uploadUrl</c>; the request uses <c>runwayUri</c>
/// (resources/uploads.py create_ephemeral).</item>
/// </list>
/// </summary>
public sealed class RunwayClient : IHostedVideoClient
{
    private const HostedProvider Runway = HostedProvider.Runway;

    private readonly RunwayOptions _options;
    private readonly VendorTransport _transport;
    private readonly ILogger<RunwayClient> _logger;

    /// <summary>Creates the client (normally through <c>AddPrevizProviders</c>).</summary>
    public RunwayClient(
        IHttpClientFactory httpClients,
        ProviderKeys keys,
        IOptions<RunwayOptions> options,
        IOptions<ProviderHttpOptions> httpOptions,
        TimeProvider time,
        ILogger<RunwayClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpOptions);
        _options = options.Value;
        _logger = logger;
        _transport = new VendorTransport(httpClients, keys, httpOptions.Value, time, logger, Runway, Authorize, RunwayErrors.Map);
    }

    /// <inheritdoc />
    public HostedProvider Provider => Runway;

    /// <inheritdoc />
    public Task<SubmittedJob> SubmitAsync(HostedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Endpoint) || request.Endpoint.Contains('/', StringComparison.Ordinal) || request.Endpoint.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{request.Endpoint}' is not a Runway task endpoint (e.g. image_to_video).", nameof(request));
        }

        return _transport.SubmitAsync(request, Url($"v1/{request.Endpoint}"), "id", UploadAsync, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<HostedJobStatus> GetStatusAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var task = await _transport.GetJsonAsync(TaskUrl(job), cancellationToken);
        var status = JsonRead.String(task, "status");
        return status switch
        {
            "PENDING" => new QueuedStatus(null),
            "THROTTLED" => new QueuedStatus(null, Throttled: true),
            "RUNNING" => new RunningStatus(JsonRead.Double(task, "progress") is { } p ? Math.Clamp(p, 0, 1) : null, []),
            "SUCCEEDED" => _transport.Succeeded(
                task is JsonObject obj && obj["output"] is JsonArray output
                    ? output.Select(JsonRead.Text).Where(u => Uri.TryCreate(u, UriKind.Absolute, out _)).Select(u => new HostedOutput(new Uri(u!))).ToList()
                    : [],
                "the task succeeded without output"),
            "FAILED" when JsonRead.String(task, "failureCode") is var code =>
                _transport.Failed(RunwayErrors.CategoryOfFailureCode(code), code, JsonRead.String(task, "failure")),
            "CANCELLED" => new CanceledStatus(),
            _ => throw _transport.UnknownStatus(status, "task"),
        };
    }

    /// <inheritdoc />
    public Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken) =>
        _transport.DownloadAsync(output, destination, expected, cancellationToken);

    /// <inheritdoc />
    public Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        // The SDK accepts any type here: the delete answers 204 without a body (resources/tasks.py delete).
        return _transport.CancelAsync(job, HttpMethod.Delete, TaskUrl(job), "*/*", answer => answer.Status switch
        {
            >= 200 and < 300 => CancelOutcome.Requested,
            404 => CancelOutcome.NotFound,
            _ => null,
        }, cancellationToken);
    }

    private async Task<string> UploadAsync(HostedInputFile file, CancellationToken cancellationToken)
    {
        var answer = await _transport.PostJsonAsync(Url("v1/uploads"), new JsonObject { ["filename"] = file.Name, ["type"] = "ephemeral" }, cancellationToken);
        var uploadUrl = JsonRead.AbsoluteUri(answer, "uploadUrl");
        var runwayUri = JsonRead.String(answer, "runwayUri");
        if (uploadUrl is null || string.IsNullOrEmpty(runwayUri))
        {
            throw _transport.BadResponse("the upload answer has no uploadUrl or runwayUri");
        }

        using var form = new MultipartFormDataContent();
        if (answer is JsonObject obj && obj["fields"] is JsonObject fields)
        {
            foreach (var (name, value) in fields)
            {
                form.Add(new StringContent(JsonRead.Text(value) ?? string.Empty), name);
            }
        }

        var content = new ReadOnlyMemoryContent(file.Content);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        form.Add(content, "file", file.Name);
        using var post = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = form };
        await _transport.SendExpectingSuccessAsync(post, cancellationToken);
        ProvidersLog.Uploaded(_logger, Runway, file.Name, file.Content.Length);
        return runwayUri;
    }

    private void Authorize(HttpRequestMessage message, string key)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        message.Headers.Add("X-Runway-Version", _options.ApiVersion);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private Uri TaskUrl(SubmittedJob job) => Url($"v1/tasks/{Uri.EscapeDataString(job.RequestId)}");

    private Uri Url(string path) => new($"{_options.BaseUrl.AbsoluteUri.TrimEnd('/')}/{path}");
}
