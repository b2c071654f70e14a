using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Luma;

/// <summary>
/// Luma's generation API. Current (Agents) API, per lumalabs/luma-agents-python: <c>Authorization: Bearer</c>
/// (_client.py), <c>POST {root}/generations</c> and <c>GET {root}/generations/{id}</c> (api.md), a Generation with
/// <c>state</c> queued | processing | completed | failed, <c>failure_code</c> content_moderated | generation_failed |
/// budget_exhausted | output_not_found, <c>failure_reason</c>, and <c>output[] {type, url}</c> presigned for an hour
/// (types/generation.py, generation_failure_code.py, generation_output.py); video options carry
/// <c>video.start_frame</c>/<c>end_frame</c> or <c>keyframes</c> + <c>keyframe_indexes</c> (types/video_options_param.py).
/// The same code reads the older Dream Machine shape (lumalabs/lumaai-python types/generation.py): state
/// <c>dreaming</c>, <c>assets.video</c>/<c>assets.image</c>, and keyframes <c>frame0</c>/<c>frame1</c> in the body.
/// Cancel is <c>DELETE {root}/generations/{id}</c>, which Dream Machine documents (resources/generations/generations.py
/// delete); the Agents API documents none, and its refusal is reported as <see cref="CancelOutcome.NotSupported"/>.
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
            "dreaming" or "processing" => new RunningStatus(null, []),
            "completed" => _transport.Succeeded(Outputs(generation), "the generation completed without output"),
            "failed" when JsonRead.String(generation, "failure_code") is var code =>
                _transport.Failed(LumaErrors.CategoryOfFailureCode(code), code, JsonRead.String(generation, "failure_reason")),
            _ => throw _transport.UnknownStatus(state, "generation"),
        };
    }

    /// <inheritdoc />
    public Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken) =>
        _transport.DownloadAsync(output, destination, expected, cancellationToken);

    /// <inheritdoc />
    public Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _transport.CancelAsync(job, HttpMethod.Delete, GenerationUrl(job), null, answer => answer.Status switch
        {
            >= 200 and < 300 => CancelOutcome.Requested,
            404 when answer.Json is not null && JsonRead.String(answer.Json, "detail") is { } d && d.Contains("not found", StringComparison.OrdinalIgnoreCase) => CancelOutcome.NotFound,
            404 or 405 or 501 => CancelOutcome.NotSupported,
            _ => null,
        }, cancellationToken);
    }

    private static Task<string> NoUpload(HostedInputFile file, CancellationToken cancellationToken) =>
        throw new ArgumentException(
            $"Luma inputs go inline (InputFileTransport.Base64 into {{data, media_type}}, or DataUri); Previz does not upload {file.Name} to Luma's Files API.",
            nameof(file));

    private static List<HostedOutput> Outputs(JsonNode generation)
    {
        var outputs = new List<HostedOutput>();
        if (generation is not JsonObject obj)
        {
            return outputs;
        }

        if (obj["output"] is JsonArray items)
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

        if (obj["assets"] is JsonObject assets)
        {
            if (JsonRead.AbsoluteUri(assets, "video") is { } video)
            {
                outputs.Add(new HostedOutput(video, "video/mp4"));
            }

            if (JsonRead.AbsoluteUri(assets, "image") is { } image)
            {
                outputs.Add(new HostedOutput(image));
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
