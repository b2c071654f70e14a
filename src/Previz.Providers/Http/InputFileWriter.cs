using System.Text.Json.Nodes;
using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>Copies a request body and writes each input file's URL, data URI or inline media reference into its target field.</summary>
internal static class InputFileWriter
{
    public static async Task<JsonObject> ApplyAsync(
        HostedRequest request,
        Func<HostedInputFile, CancellationToken, Task<string>> upload,
        CancellationToken cancellationToken)
    {
        var body = (JsonObject)request.Body.DeepClone();
        foreach (var file in request.Files)
        {
            JsonNode value = file.Transport switch
            {
                InputFileTransport.Upload => JsonValue.Create(await upload(file, cancellationToken)),
                InputFileTransport.DataUri => JsonValue.Create($"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content.Span)}"),
                InputFileTransport.InlineMedia => InlineMedia(Convert.ToBase64String(file.Content.Span), file.ContentType),
                _ => throw new ArgumentOutOfRangeException(nameof(request), file.Transport, "Unknown input file transport."),
            };
            JsonPointer.Set(body, file.TargetField, value);
        }

        return body;
    }

    /// <summary>Luma's ImageRef with inline data: <c>{data, media_type}</c> (luma-agents-python types/image_ref_param.py).</summary>
    public static JsonObject InlineMedia(string data, string mediaType) => new() { ["data"] = data, ["media_type"] = mediaType };
}
