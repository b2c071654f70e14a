using Microsoft.Extensions.Logging;
using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>Structured log events of the vendor clients. None carries a key, a signed URL or a whole request body.</summary>
internal static partial class ProvidersLog
{
    [LoggerMessage(1, LogLevel.Information, "Submitted {Provider} {Endpoint} as request {RequestId} (queue position {QueuePosition}, submission {IdempotencyKey})")]
    public static partial void Submitted(ILogger logger, HostedProvider provider, string endpoint, string requestId, int? queuePosition, string? idempotencyKey);

    [LoggerMessage(2, LogLevel.Warning, "Submit to {Provider} {Endpoint} has an unknown outcome: {Reason} (submission {IdempotencyKey})")]
    public static partial void SubmitUnknown(ILogger logger, HostedProvider provider, string endpoint, string reason, string? idempotencyKey);

    [LoggerMessage(3, LogLevel.Information, "Cancel of {Provider} request {RequestId}: {Outcome}")]
    public static partial void Canceled(ILogger logger, HostedProvider provider, string requestId, CancelOutcome outcome);

    [LoggerMessage(4, LogLevel.Information, "Uploaded {FileName} ({Bytes} bytes) to {Provider} storage")]
    public static partial void Uploaded(ILogger logger, HostedProvider provider, string fileName, int bytes);

    [LoggerMessage(5, LogLevel.Information, "Fetched {Provider} result from {Host}: {Format}, {Bytes} bytes")]
    public static partial void Fetched(ILogger logger, HostedProvider provider, string host, string format, long bytes);

    [LoggerMessage(6, LogLevel.Warning, "{Provider} answered HTTP {Status}: {Category} {VendorCode} {Field}")]
    public static partial void VendorError(ILogger logger, HostedProvider provider, int status, VendorErrorCategory category, string? vendorCode, string? field);

    [LoggerMessage(7, LogLevel.Warning, "{Provider} answered {Host}{Path} with unreadable JSON ({Length} characters)")]
    public static partial void UnreadableJson(ILogger logger, HostedProvider provider, string? host, string? path, int length);

    [LoggerMessage(8, LogLevel.Warning, "{Provider} returned a URL on another host ({Host}); using the configured host instead")]
    public static partial void UntrustedUrl(ILogger logger, HostedProvider provider, string host);

    [LoggerMessage(9, LogLevel.Debug, "{Provider} request {RequestId} is {Status}")]
    public static partial void Status(ILogger logger, HostedProvider provider, string requestId, string status);
}
