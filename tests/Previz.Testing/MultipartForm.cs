using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Previz.Testing;

/// <summary>Takes a <c>multipart/form-data</c> body apart (RFC 7578): its text fields and its <c>file</c> part.</summary>
internal static class MultipartForm
{
    public static (Dictionary<string, string> Fields, (string ContentType, byte[] Content)? File) Read(byte[] body, string contentType)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        (string, byte[])? file = null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return (fields, null);
        }

        // The body is in memory: the reader's awaits complete at once.
        var reader = new MultipartReader(boundary, new MemoryStream(body));
        while (reader.ReadNextSectionAsync().GetAwaiter().GetResult() is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
            {
                continue;
            }

            using var content = new MemoryStream();
            section.Body.CopyTo(content);
            if (name == "file")
            {
                file = (section.ContentType ?? string.Empty, content.ToArray());
            }
            else
            {
                fields[name] = System.Text.Encoding.UTF8.GetString(content.ToArray());
            }
        }

        return (fields, file);
    }
}
