namespace Previz.Providers.Hosting;

/// <summary>A result file at the vendor.</summary>
/// <param name="Url">Where to download it (no credentials are sent there).</param>
/// <param name="ContentType">The vendor's stated type (fal <c>content_type</c>), if any.</param>
/// <param name="FileName">The vendor's file name (fal <c>file_name</c>), if any.</param>
/// <param name="FileSize">The vendor's stated size in bytes (fal <c>file_size</c>), if any.</param>
public sealed record HostedOutput(Uri Url, string? ContentType = null, string? FileName = null, long? FileSize = null);
