using System.Text.Json.Nodes;
using Previz.Providers.Hosting;

namespace Previz.Providers.Http;

/// <summary>Copies a request body and writes each input file's URL, data URI or base64 into its target field.</summary>
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
            var value = file.Transport switch
            {
                InputFileTransport.Upload => await upload(file, cancellationToken),
                InputFileTransport.DataUri => $"data:{file.ContentType};base64,{Convert.ToBase64String(file.Content.Span)}",
                InputFileTransport.Base64 => Convert.ToBase64String(file.Content.Span),
                _ => throw new ArgumentOutOfRangeException(nameof(request), file.Transport, "Unknown input file transport."),
            };
            JsonPointer.Set(body, file.TargetField, JsonValue.Create(value));
        }

        return body;
    }
}
