namespace Previz.Providers.Hosting;

/// <summary>How an input file reaches the vendor.</summary>
public enum InputFileTransport
{
    /// <summary>
    /// Upload through the vendor's storage and put the resulting URL (fal <c>file_url</c>, Runway <c>runway://</c>
    /// URI) into the target field.
    /// </summary>
    Upload,

    /// <summary>
    /// Put a <c>data:{content type};base64,…</c> URI into the target field. Only where the endpoint accepts data URIs
    /// (fal: some endpoints; Runway: under 5 MB encoded).
    /// </summary>
    DataUri,

    /// <summary>Put the bare base64 text into the target field (Luma's <c>{data, media_type}</c> image references).</summary>
    Base64,
}
