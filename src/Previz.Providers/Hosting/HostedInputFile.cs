namespace Previz.Providers.Hosting;

/// <summary>
/// A file sent with a hosted request (a start frame, an end frame, a reference image). The client uploads it (or
/// encodes it) and writes the result into <see cref="TargetField"/> of the request body.
/// </summary>
/// <param name="Name">File name shown to the vendor, e.g. <c>start.png</c>.</param>
/// <param name="ContentType">Media type, e.g. <c>image/png</c>.</param>
/// <param name="Content">The bytes.</param>
/// <param name="TargetField">
/// JSON Pointer (RFC 6901) of the body field that receives the URL or data, e.g. <c>/image_url</c>,
/// <c>/keyframes/frame0/url</c>, <c>/keyframes/2</c>. Missing objects on the way are created; an array index equal to
/// the array's length (or <c>-</c>) appends.
/// </param>
/// <param name="Transport">Upload, data URI or bare base64.</param>
public sealed record HostedInputFile(
    string Name,
    string ContentType,
    ReadOnlyMemory<byte> Content,
    string TargetField,
    InputFileTransport Transport = InputFileTransport.Upload)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"HostedInputFile {{ Name = {Name}, ContentType = {ContentType}, Bytes = {Content.Length}, TargetField = {TargetField}, Transport = {Transport} }}";
}
