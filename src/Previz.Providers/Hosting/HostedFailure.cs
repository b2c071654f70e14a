namespace Previz.Providers.Hosting;

/// <summary>Why a hosted job failed.</summary>
/// <param name="Category">What kind of failure, for the user.</param>
/// <param name="Message">A readable sentence naming the vendor and, where known, the field and the vendor's reason.</param>
/// <param name="VendorCode">The vendor's machine code (fal <c>type</c>/<c>error_type</c>, Runway <c>failureCode</c>, Luma <c>failure_code</c>).</param>
/// <param name="Field">The request field at fault, when the vendor names one.</param>
public sealed record HostedFailure(VendorErrorCategory Category, string Message, string? VendorCode = null, string? Field = null);
