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

    /// <summary>
    /// Put an inline media reference <c>{data: base64, media_type}</c> into the target field: Luma's ImageRef, "inline
    /// base64 data with media_type", which also carries a video source for <c>video_edit</c>
    /// (lumalabs/luma-agents-python types/image_ref_param.py: "media_type … Required with data").
    /// </summary>
    InlineMedia,
}
