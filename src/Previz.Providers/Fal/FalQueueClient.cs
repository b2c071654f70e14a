using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Fal;

/// <summary>
/// fal's queue API. Protocol per fal-ai/fal-js (libs/client/src/queue.ts, request.ts, storage.ts) and fal's
/// "Inference API" reference (https://fal.ai/docs/api-reference/inference-api):
/// <list type="bullet">
/// <item>auth header <c>Authorization: Key &lt;FAL_KEY&gt;</c> (request.ts);</item>
/// <item>submit <c>POST {queue}/{endpoint_id}</c>, optional <c>?fal_webhook=URL</c> → <c>request_id</c>,
/// <c>status_url</c>, <c>response_url</c>, <c>cancel_url</c>, <c>queue_position</c> (queue.ts submit);</item>
/// <item>status <c>GET …/requests/{id}/status?logs=1</c> → <c>IN_QUEUE</c> (+queue_position), <c>IN_PROGRESS</c>
/// (+logs), <c>COMPLETED</c> (+ optional <c>error</c>, <c>error_type</c>) (queue.ts status; fal docs
/// "Asynchronous Inference");</item>
/// <item>result <c>GET …/requests/{id}</c>: the model's output, or the model's error again (fal docs "Get request
/// result");</item>
/// <item>cancel <c>PUT …/requests/{id}/cancel</c> → <c>CANCELLATION_REQUESTED</c>, <c>ALREADY_COMPLETED</c>,
/// <c>NOT_FOUND</c> (fal docs "Cancel a request");</item>
/// <item>status/result/cancel URLs use only <c>{owner}/{app}</c>: use the URLs submit returned, never build them
/// (fal docs "Model IDs and paths").</item>
/// </list>
/// </summary>
public sealed class FalQueueClient : IHostedVideoClient
{
    private const HostedProvider Fal = HostedProvider.Fal;

    // fal-js libs/client/src/utils.ts parseEndpointId: ids under these namespaces have three parts before the path.
    private static readonly string[] EndpointNamespaces = ["workflows", "comfy"];

    private readonly FalOptions _options;
    private readonly VendorTransport _transport;
    private readonly ILogger<FalQueueClient> _logger;

    /// <summary>Creates the client (normally through <c>AddPrevizProviders</c>).</summary>
    public FalQueueClient(
        IHttpClientFactory httpClients,
        ProviderKeys keys,
        IOptions<FalOptions> options,
        IOptions<ProviderHttpOptions> httpOptions,
        TimeProvider time,
        ILogger<FalQueueClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpOptions);
        _options = options.Value;
        _logger = logger;
        _transport = new VendorTransport(httpClients, keys, httpOptions.Value, time, logger, Fal, Authorize, FalErrors.Map);
    }

    /// <inheritdoc />
    public HostedProvider Provider => Fal;

    /// <inheritdoc />
    public Task<SubmittedJob> SubmitAsync(HostedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ValidateEndpointId(request.Endpoint);
        var url = Combine(_options.QueueUrl, request.Endpoint);
        if (request.WebhookUrl is { } webhook)
        {
            url = new Uri($"{url}?fal_webhook={Uri.EscapeDataString(webhook.AbsoluteUri)}");
        }

        return _transport.SubmitAsync(request, url, "request_id", UploadAsync, (job, answer) => job with
        {
            StatusUrl = Trusted(JsonRead.AbsoluteUri(answer, "status_url")),
            ResponseUrl = Trusted(JsonRead.AbsoluteUri(answer, "response_url")),
            CancelUrl = Trusted(JsonRead.AbsoluteUri(answer, "cancel_url")),
            QueuePosition = JsonRead.Int(answer, "queue_position"),
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<HostedJobStatus> GetStatusAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var answer = await _transport.GetJsonAsync(WithQuery(job.StatusUrl ?? RequestUrl(job, "/status"), "logs=1"), cancellationToken);
        var status = JsonRead.String(answer, "status");
        return status switch
        {
            "IN_QUEUE" => new QueuedStatus(JsonRead.Int(answer, "queue_position")),
            "IN_PROGRESS" => new RunningStatus(null, Logs(answer)),
            "COMPLETED" => await CompletedAsync(job, answer, cancellationToken),
            _ => throw _transport.UnknownStatus(status, "request"),
        };
    }

    /// <inheritdoc />
    public Task<FetchedMedia> FetchResultAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken) =>
        _transport.DownloadAsync(output, destination, expected, cancellationToken);

    /// <inheritdoc />
    public Task<CancelOutcome> CancelAsync(SubmittedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return _transport.CancelAsync(job, HttpMethod.Put, job.CancelUrl ?? RequestUrl(job, "/cancel"), null, answer => JsonRead.String(answer.Json, "status") switch
        {
            "CANCELLATION_REQUESTED" or "OK" => CancelOutcome.Requested,
            "ALREADY_COMPLETED" => CancelOutcome.AlreadyCompleted,
            "NOT_FOUND" => CancelOutcome.NotFound,
            _ when answer.Status is >= 200 and < 300 => CancelOutcome.Requested,
            _ when answer.Status == 404 => CancelOutcome.NotFound,
            _ => null,
        }, cancellationToken);
    }

    private async Task<HostedJobStatus> CompletedAsync(SubmittedJob job, JsonNode status, CancellationToken cancellationToken)
    {
        var statusError = JsonRead.Text(status is JsonObject o ? o["error"] : null);
        var statusErrorType = JsonRead.String(status, "error_type");
        JsonNode result;
        try
        {
            result = await _transport.GetJsonAsync(job.ResponseUrl ?? RequestUrl(job, string.Empty), cancellationToken);
        }
        catch (HostedProviderException ex) when (IsJobFailure(ex))
        {
            // The result endpoint repeats the model's error (e.g. 422 content_policy_violation): that is the job's outcome.
            return new FailedStatus(ex.Failure);
        }

        if (statusError is not null)
        {
            return _transport.Failed(FalErrors.CategoryOf(statusErrorType, null), statusErrorType, statusError);
        }

        return _transport.Succeeded(FalOutputs.Read(result), "the result has no video or image");
    }

    private static bool IsJobFailure(HostedProviderException ex) =>
        ex.HttpStatus is { } status && ((status is >= 400 and < 500 and not 401 and not 403 and not 429) || ex.Failure.VendorCode is not null);

    private static List<string> Logs(JsonNode answer) =>
        answer is JsonObject obj && obj["logs"] is JsonArray logs
            ? logs.Select(l => JsonRead.String(l, "message")).Where(m => m is not null).Cast<string>().ToList()
            : [];

    private async Task<string> UploadAsync(HostedInputFile file, CancellationToken cancellationToken)
    {
        // fal-js storage.ts: initiate with {content_type, file_name} → {upload_url, file_url}; PUT the bytes to upload_url
        // with the file's Content-Type and no credentials (it is a signed URL); the usable URL is file_url.
        var initiateUrl = new Uri($"{Combine(_options.StorageUrl, "storage/upload/initiate")}?storage_type=fal-cdn-v3");
        var answer = await _transport.PostJsonAsync(initiateUrl, new JsonObject { ["content_type"] = file.ContentType, ["file_name"] = file.Name }, cancellationToken);
        var uploadUrl = JsonRead.AbsoluteUri(answer, "upload_url");
        var fileUrl = JsonRead.String(answer, "file_url");
        if (uploadUrl is null || string.IsNullOrEmpty(fileUrl))
        {
            throw _transport.BadResponse("the storage answer has no upload_url or file_url");
        }

        using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ReadOnlyMemoryContent(file.Content) };
        put.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        await _transport.SendExpectingSuccessAsync(put, cancellationToken);
        ProvidersLog.Uploaded(_logger, Fal, file.Name, file.Content.Length);
        return fileUrl;
    }

    private static void Authorize(HttpRequestMessage message, string key)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Key", key);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    /// <summary>
    /// Keeps a URL from fal's answer only if it points at the configured queue host: the key is sent there, so a URL
    /// elsewhere is replaced by one built from the queue host.
    /// </summary>
    private Uri? Trusted(Uri? url)
    {
        if (url is null)
        {
            return null;
        }

        if (Uri.Compare(url, _options.QueueUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return url;
        }

        ProvidersLog.UntrustedUrl(_logger, Fal, url.Host);
        return null;
    }

    /// <summary>Builds <c>{queue}/{owner}/{app}/requests/{id}{suffix}</c> when submit returned no usable URL.</summary>
    private Uri RequestUrl(SubmittedJob job, string suffix) =>
        Combine(_options.QueueUrl, $"{AppId(job.Endpoint)}/requests/{Uri.EscapeDataString(job.RequestId)}{suffix}");

    internal static string AppId(string endpointId)
    {
        var parts = endpointId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var take = parts.Length > 0 && EndpointNamespaces.Contains(parts[0]) ? 3 : 2;
        return string.Join('/', parts.Take(take));
    }

    private static void ValidateEndpointId(string endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.StartsWith('/') || endpoint.Contains("..", StringComparison.Ordinal)
            || endpoint.Contains("://", StringComparison.Ordinal) || endpoint.Contains('?', StringComparison.Ordinal) || endpoint.Split('/').Length < 2)
        {
            throw new ArgumentException($"'{endpoint}' is not a fal endpoint id (owner/app[/path]).", nameof(endpoint));
        }
    }

    internal static Uri Combine(Uri root, string path) => new($"{root.AbsoluteUri.TrimEnd('/')}/{path.TrimStart('/')}");

    private static Uri WithQuery(Uri url, string query)
    {
        var builder = new UriBuilder(url);
        builder.Query = string.IsNullOrEmpty(builder.Query) || builder.Query == "?" ? query : $"{builder.Query.TrimStart('?')}&{query}";
        return builder.Uri;
    }
}
