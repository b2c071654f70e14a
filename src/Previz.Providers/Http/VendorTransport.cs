using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Previz.Providers.Configuration;
using Previz.Providers.Errors;
using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>
/// What every vendor client does the same way: authorize, POST a JSON body, submit once and read the request id, GET a
/// status as JSON, cancel, download checked media, and turn transport failures and vendor errors into typed
/// exceptions. A client keeps only what is its vendor's: URLs, field names, status vocabulary and error mapping (the
/// <c>authorize</c> and <c>mapError</c> it passes in). The key goes only on requests built here with
/// <see cref="Authorized"/>; signed upload URLs and result downloads are sent without it.
/// </summary>
internal sealed class VendorTransport
{
    private readonly IHttpClientFactory _httpClients;
    private readonly ProviderKeys _keys;
    private readonly ProviderHttpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HostedProvider _provider;
    private readonly Action<HttpRequestMessage, string> _authorize;
    private readonly Func<VendorResponse, HostedFailure> _mapError;

    public VendorTransport(
        IHttpClientFactory httpClients,
        ProviderKeys keys,
        ProviderHttpOptions options,
        TimeProvider time,
        ILogger logger,
        HostedProvider provider,
        Action<HttpRequestMessage, string> authorize,
        Func<VendorResponse, HostedFailure> mapError)
    {
        _httpClients = httpClients;
        _keys = keys;
        _options = options;
        _time = time;
        _logger = logger;
        _provider = provider;
        _authorize = authorize;
        _mapError = mapError;
    }

    /// <summary>
    /// A JSON body sent with a Content-Length, as the vendors' SDKs send theirs. <c>JsonContent.Create</c> would stream it
    /// with chunked transfer encoding, which some API gateways refuse.
    /// </summary>
    public static StringContent JsonBody(JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    }

    /// <summary>A request carrying the vendor's key (read now, so a missing key fails before anything is sent).</summary>
    public HttpRequestMessage Authorized(HttpMethod method, Uri url, JsonNode? body = null)
    {
        var key = _keys.GetRequired(_provider);
        var message = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonBody(body) };
        _authorize(message, key);
        return message;
    }

    /// <summary>
    /// Writes the request's files into a copy of its body (through <paramref name="upload"/> for uploads), POSTs it once
    /// to <paramref name="url"/> and reads the vendor's id for the job from <paramref name="idField"/>.
    /// <paramref name="complete"/> adds what else the vendor's answer carries before the job is logged.
    /// </summary>
    public async Task<SubmittedJob> SubmitAsync(
        HostedRequest request,
        Uri url,
        string idField,
        Func<HostedInputFile, CancellationToken, Task<string>> upload,
        Func<SubmittedJob, JsonNode, SubmittedJob>? complete,
        CancellationToken cancellationToken) =>
        await SubmitAsync(request, url, idField, upload, complete, null, cancellationToken);

    /// <inheritdoc cref="SubmitAsync(HostedRequest, Uri, string, Func{HostedInputFile, CancellationToken, Task{string}}, Func{SubmittedJob, JsonNode, SubmittedJob}?, CancellationToken)"/>
    /// <param name="shape">Turns the body with its files written into what is POSTed (ComfyUI: the filled workflow).</param>
    public async Task<SubmittedJob> SubmitAsync(
        HostedRequest request,
        Uri url,
        string idField,
        Func<HostedInputFile, CancellationToken, Task<string>> upload,
        Func<SubmittedJob, JsonNode, SubmittedJob>? complete,
        Func<JsonObject, JsonObject>? shape,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _keys.GetRequired(_provider);
        var body = await InputFileWriter.ApplyAsync(request, upload, cancellationToken);
        body = shape?.Invoke(body) ?? body;
        using var message = Authorized(HttpMethod.Post, url, body);
        var answer = await SubmitOnceAsync(message, request.Endpoint, request.IdempotencyKey, cancellationToken);
        var id = JsonRead.String(answer, idField);
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new SubmitOutcomeUnknownException(_provider, request.Endpoint, $"{VendorNames.Of(_provider)}'s answer has no {idField}", request.IdempotencyKey);
        }

        var job = new SubmittedJob(_provider, request.Endpoint, id, _time.GetUtcNow());
        job = complete?.Invoke(job, answer) ?? job;
        ProvidersLog.Submitted(_logger, _provider, request.Endpoint, id, job.QueuePosition, request.IdempotencyKey);
        return job;
    }

    /// <summary>An authorized, retried GET (a job's status or result) read as JSON.</summary>
    public async Task<JsonNode> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var message = Authorized(HttpMethod.Get, url);
        return await SendJsonAsync(message, cancellationToken);
    }

    /// <summary>An authorized, retried POST of a JSON body (an upload's first step) read as JSON.</summary>
    public async Task<JsonNode> PostJsonAsync(Uri url, JsonNode body, CancellationToken cancellationToken)
    {
        using var message = Authorized(HttpMethod.Post, url, body);
        return await SendJsonAsync(message, cancellationToken);
    }

    /// <summary>
    /// Asks the vendor to cancel a job with an authorized <paramref name="method"/> on <paramref name="url"/> (with
    /// <paramref name="accept"/> in place of the usual Accept when given). <paramref name="outcomeOf"/> reads the vendor's
    /// answer; null means it is an error, mapped like any other.
    /// </summary>
    public async Task<CancelOutcome> CancelAsync(
        SubmittedJob job,
        HttpMethod method,
        Uri url,
        string? accept,
        Func<VendorResponse, CancelOutcome?> outcomeOf,
        CancellationToken cancellationToken,
        JsonNode? body = null)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var message = Authorized(method, url, body);
        if (accept is not null)
        {
            message.Headers.Accept.Clear();
            message.Headers.Accept.ParseAdd(accept);
        }

        var answer = await SendForAnswerAsync(message, cancellationToken);
        var outcome = outcomeOf(answer) ?? throw ErrorFrom(answer);
        ProvidersLog.Canceled(_logger, _provider, job.RequestId, outcome);
        return outcome;
    }

    /// <summary>A finished job's outputs, or a failure when the vendor says it finished without any.</summary>
    public HostedJobStatus Succeeded(IReadOnlyList<HostedOutput> outputs, string noOutput) =>
        outputs.Count > 0
            ? new SucceededStatus(outputs)
            : new FailedStatus(FailureMessages.Failure(_provider, VendorErrorCategory.BadResponse, noOutput));

    /// <summary>A job the vendor reports as failed, with its failure code and reason.</summary>
    public FailedStatus Failed(VendorErrorCategory category, string? code, string? reason) =>
        new(FailureMessages.Failure(_provider, category, reason ?? code, code));

    /// <summary>A status word the client does not know (or none): the answer cannot be read.</summary>
    public HostedProviderException UnknownStatus(string? status, string what) =>
        BadResponse(status is null ? $"the {what} has no status" : $"unknown {what} status '{status}'");

    /// <summary>Sends a retried call and returns its JSON body; vendor errors become <see cref="HostedProviderException"/>.</summary>
    public async Task<JsonNode> SendJsonAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpClientNames.Api, request, cancellationToken);
        var body = await ReadBodyAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(response, body);
        }

        return ParseJson(body, request.RequestUri);
    }

    /// <summary>Sends a retried call and returns status and body without judging the status (cancel answers).</summary>
    public async Task<VendorResponse> SendForAnswerAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpClientNames.Api, request, cancellationToken);
        var body = await ReadBodyAsync(response, cancellationToken);
        return new VendorResponse((int)response.StatusCode, response.Headers, body, TryParse(body));
    }

    /// <summary>Sends a retried call whose answer body does not matter (signed upload PUTs).</summary>
    public async Task SendExpectingSuccessAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpClientNames.Api, request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw ErrorFrom(response, await ReadBodyAsync(response, cancellationToken));
        }
    }

    /// <summary>
    /// Submits once. A refusal the vendor states (4xx) is a <see cref="HostedProviderException"/>; anything that leaves the
    /// outcome open — no answer in time, a lost connection, 5xx, an unreadable 2xx — is a
    /// <see cref="SubmitOutcomeUnknownException"/>. Only a 429 (the vendor did not take the request) is retried.
    /// </summary>
    private async Task<JsonNode> SubmitOnceAsync(HttpRequestMessage request, string endpoint, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var client = _httpClients.CreateClient(HttpClientNames.Submit);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unknown($"no answer within {_options.SubmitTimeout.TotalSeconds:0.#} s", ex);
        }
        catch (HttpRequestException ex) when (NeverConnected(ex))
        {
            // The connection was never made, so the body was never sent: a plain, retryable outage.
            throw Unavailable(ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unknown($"the connection failed after the request was sent ({TextExcerpt.Of(_keys.Redact(ex.Message), 120)})", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unknown("the request timed out", ex);
        }

        using (response)
        {
            string body;
            try
            {
                body = await ReadBodyAsync(response, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                throw Unknown("the answer was cut off", ex);
            }

            if ((int)response.StatusCode >= 500)
            {
                throw Unknown($"{VendorNames.Of(_provider)} answered HTTP {(int)response.StatusCode} after receiving the request", null);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw ErrorFrom(response, body);
            }

            try
            {
                return ParseJson(body, request.RequestUri);
            }
            catch (HostedProviderException ex)
            {
                throw Unknown("its answer could not be read", ex);
            }
        }

        SubmitOutcomeUnknownException Unknown(string reason, Exception? inner)
        {
            ProvidersLog.SubmitUnknown(_logger, _provider, endpoint, reason, idempotencyKey);
            return new SubmitOutcomeUnknownException(_provider, endpoint, reason, idempotencyKey, inner);
        }
    }

    /// <summary>
    /// Downloads a result without credentials, checks its leading bytes, and only then writes it to
    /// <paramref name="destination"/>.
    /// </summary>
    public async Task<FetchedMedia> DownloadAsync(HostedOutput output, Stream destination, ExpectedMedia expected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(destination);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DownloadTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, output.Url);
        try
        {
            using var response = await SendAsync(HttpClientNames.Media, request, timeout.Token, HttpCompletionOption.ResponseHeadersRead);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                var category = status is 403 or 404 or 410 ? VendorErrorCategory.NotFound : FailureMessages.FromStatus(status);
                throw new HostedProviderException(_provider, FailureMessages.Failure(_provider, category, $"the result download answered HTTP {status}"), status);
            }

            var contentType = response.Content.Headers.ContentType?.MediaType;
            await using var source = await response.Content.ReadAsStreamAsync(timeout.Token);
            var head = new byte[MediaSniffer.HeaderLength];
            var filled = 0;
            while (filled < head.Length)
            {
                var read = await source.ReadAsync(head.AsMemory(filled), timeout.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            var identified = MediaSniffer.Identify(head.AsSpan(0, filled));
            if (identified is not { } media || !MediaSniffer.Accepts(expected, media.Kind))
            {
                var what = identified is { } other ? $"{(other.Kind == MediaKind.Image ? "an image" : "a video")} ({other.Format})" : DescribeNonMedia(head.AsSpan(0, filled), filled);
                var wanted = expected switch { ExpectedMedia.Video => "a video", ExpectedMedia.Image => "an image", _ => "a video or an image" };
                throw new UnexpectedMediaException(
                    $"{VendorNames.Of(_provider)}'s result at {output.Url.Host} is not {wanted}: it is {what}" +
                    (contentType is null ? "." : $" (Content-Type {contentType})."))
                { ContentType = contentType };
            }

            await destination.WriteAsync(head.AsMemory(0, filled), timeout.Token);
            long length = filled;
            var buffer = new byte[81920];
            int count;
            while ((count = await source.ReadAsync(buffer, timeout.Token)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, count), timeout.Token);
                length += count;
            }

            ProvidersLog.Fetched(_logger, _provider, output.Url.Host, media.Format, length);
            return new FetchedMedia(media.Kind, media.Format, contentType ?? media.ContentType, length);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HostedProviderException(_provider, FailureMessages.Failure(_provider, VendorErrorCategory.TimedOut, $"downloading the result took longer than {_options.DownloadTimeout}"), null, null, ex);
        }
    }

    public HostedProviderException ErrorFrom(HttpResponseMessage response, string body) =>
        ErrorFrom(new VendorResponse((int)response.StatusCode, response.Headers, body, TryParse(body)));

    public HostedProviderException ErrorFrom(VendorResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var failure = _mapError(answer);
        var retryAfter = answer.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        ProvidersLog.VendorError(_logger, _provider, answer.Status, failure.Category, failure.VendorCode, failure.Field);
        return new HostedProviderException(_provider, failure with { Message = _keys.Redact(failure.Message) }, answer.Status, retryAfter);
    }

    public JsonNode ParseJson(string body, Uri? from)
    {
        if (TryParse(body) is { } json)
        {
            return json;
        }

        ProvidersLog.UnreadableJson(_logger, _provider, from?.Host, from?.AbsolutePath, body.Length);
        throw BadResponse(string.IsNullOrWhiteSpace(body) ? "an empty answer" : $"not JSON: {TextExcerpt.Of(body, 80)}");
    }

    public HostedProviderException BadResponse(string detail) =>
        new(_provider, FailureMessages.Failure(_provider, VendorErrorCategory.BadResponse, _keys.Redact(detail)));

    private async Task<HttpResponseMessage> SendAsync(string clientName, HttpRequestMessage request, CancellationToken cancellationToken, HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        var client = _httpClients.CreateClient(clientName);
        try
        {
            return await client.SendAsync(request, completion, cancellationToken);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new HostedProviderException(_provider, FailureMessages.Failure(_provider, VendorErrorCategory.TimedOut, "no answer after retries"), null, null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(ex);
        }
    }

    private HostedProviderException Unavailable(HttpRequestException ex) =>
        new(_provider, FailureMessages.Failure(_provider, VendorErrorCategory.VendorUnavailable, _keys.Redact(ex.Message)), null, null, ex);

    private async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        _keys.Redact(await response.Content.ReadAsStringAsync(cancellationToken));

    private static bool NeverConnected(HttpRequestException ex) =>
        ex.HttpRequestError is HttpRequestError.NameResolutionError ||
        ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable };

    private static JsonNode? TryParse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string DescribeNonMedia(ReadOnlySpan<byte> head, int length)
    {
        if (length == 0)
        {
            return "empty";
        }

        var text = new string(System.Text.Encoding.ASCII.GetString(head).Select(c => c is >= ' ' and < (char)127 ? c : '.').ToArray());
        return $"not a known media file (it starts with \"{text}\")";
    }
}
