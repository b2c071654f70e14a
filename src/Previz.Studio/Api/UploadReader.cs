using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Previz.Studio.Api;

/// <summary>Reads a request body up to a limit; more is refused with 413 before it is all read.</summary>
public static class UploadReader
{
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit + 1;
        }

        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    public static IResult TooLarge(string what, long limit) => Results.Problem(
        title: "Upload too large.",
        detail: $"{what} uploads are limited to {limit / (1024 * 1024)} MB (Studio:{(what == "Scene" ? "SceneUploadLimitBytes" : "ImageUploadLimitBytes")}).",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [$"larger than {limit} bytes"] } });
}
