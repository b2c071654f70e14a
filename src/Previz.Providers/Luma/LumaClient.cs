using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Luma;

/// <summary>
/// Luma's Agents API, per lumalabs/luma-agents-python@38837df (v0.3.0): <c>Authorization: Bearer</c> with the key from
/// <c>LUMA_AGENTS_API_KEY</c> (_client.py), <c>POST {root}/generations</c> and <c>GET {root}/generations/{id}</c> — the
/// only two methods (api.md) — a Generation with <c>state</c> queued | processing | completed | failed,
/// <c>failure_code</c> and <c>failure_reason</c>, and <c>output[] {type, url}</c> presigned for an hour
/// (types/generation.py, generation_failure_code.py, generation_output.py). Inputs travel inline as
/// <c>{data, media_type}</c> (types/image_ref_param.py), so nothing is uploaded first. The API has no cancel: a cancel
/// is reported as <see cref="CancelOutcome.NotSupported"/> without a request, and the generation runs to its end.
/// </summary>
public sealed class LumaClient : IHostedVideoClient
{
    private const HostedProvider Luma = HostedProvider.Luma;

    private readonly LumaOptions _options;
    private readonly VendorTransport _transport;

    /// <summary>Creates the client (normally through <c>AddPrevizProviders</c>).</summary>
    public LumaClient(
        IHttpClientFactory httpClients,
        ProviderKeys keys,
        IOptions<LumaOptions> options,
        IOptions<ProviderHttpOptions> httpOptions,
        TimeProvider time,
        ILogger<LumaClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpOptions);
        _options = options.Value;
        _transport = new VendorTransport(httpClients, keys, httpOptions.Value, time, logger, Luma, Authorize, LumaErrors.Map);
    }

    /// <inheritdoc />
    public HostedProvider Provider => Luma;

    /// <inheritdoc />
    public Task<SubmittedJob> SubmitAsync(HostedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Endpoint) || request.Endpoint.StartsWith('/') || request.Endpoint.Contains("..", StringComparison.Ordinal) || request.Endpoint.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{request.Endpoint}' is not a Luma path (e.g. generations).", nameof(request));
        }

        return _transport.SubmitAsync(request, Url(request.Endpoint), "id", NoUpload, null, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<HostedJobStatus> GetStatusAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var generation = await _transport.GetJsonAsync(GenerationUrl(job), cancellationToken);
        var state = JsonRead.String(generation, "state");
        return state switch
        {
            "queued" => new QueuedStatus(null),
            "processing" => new RunningStatus(null, []),
            "completed" => _transport.Succeeded(Outputs(generation), "the generation completed without output"),
            "failed" when JsonRead.String(generation, "failure_code") is var code =>
                _transport.Failed(LumaErrors.CategoryOfFailureCode(code), code, JsonRead.String(generation, "failure_reason")),
            _ => throw _transport.UnknownStatus(state, "generation"),
        };
    }

    /// <inheritdoc />
    public Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken) =>
        _transport.DownloadAsync(output, destination, expected, cancellationToken);

    /// <summary>
    /// Luma's Agents API documents no cancel (api.md lists create and get only): nothing is sent, and the answer is
    /// <see cref="CancelOutcome.NotSupported"/>.
    /// </summary>
    public Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return Task.FromResult(CancelOutcome.NotSupported);
    }

    private static Task<string> NoUpload(HostedInputFile file, CancellationToken cancellationToken) =>
        throw new ArgumentException(
            $"Luma inputs go inline (InputFileTransport.InlineMedia into {{data, media_type}}); Previz does not upload {file.Name}.",
            nameof(file));

    /// <summary><c>output[] {type, url}</c>: type is "image" or "video" (types/generation_output.py: "Media type (e.g. image, video)").</summary>
    private static List<HostedOutput> Outputs(JsonNode generation)
    {
        var outputs = new List<HostedOutput>();
        if (generation is JsonObject { } obj && obj["output"] is JsonArray items)
        {
            foreach (var item in items)
            {
                if (JsonRead.AbsoluteUri(item, "url") is { } url)
                {
                    var type = JsonRead.String(item, "type");
                    outputs.Add(new HostedOutput(url, type is null ? null : type.Contains('/', StringComparison.Ordinal) ? type : $"{type}/*"));
                }
            }
        }

        return outputs;
    }

    private static void Authorize(HttpRequestMessage message, string key)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private Uri GenerationUrl(SubmittedJob job) => Url($"generations/{Uri.EscapeDataString(job.RequestId)}");

    private Uri Url(string path) => new($"{_options.BaseUrl.AbsoluteUri.TrimEnd('/')}/{path}");
}
