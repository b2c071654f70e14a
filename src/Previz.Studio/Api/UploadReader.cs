using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Previz.Studio.Hosting;

namespace Previz.Studio.Api;

/// <summary>
/// Reads a request body up to a limit; more is refused with 413 before it is all read. The body goes to a file in the
/// data folder's <c>tmp/</c> as it arrives, so a body without a length (chunked) costs disk up to the limit and no
/// memory, and one that is too large costs nothing more; only a body within the limit is read back, once.
/// </summary>
public static class UploadReader
{
    public static async Task<byte[]?> ReadAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        var spool = await SpoolAsync(context, limit, cancellationToken);
        if (spool is null)
        {
            return null;
        }

        try
        {
            return await File.ReadAllBytesAsync(spool, cancellationToken);
        }
        finally
        {
            File.Delete(spool);
        }
    }

    /// <summary>
    /// The body written to a new file under <c>tmp/</c>, for uploads that are handled as files (audio is probed by
    /// ffprobe, never read into memory); null when it is over the limit. The caller moves or deletes the file.
    /// </summary>
    public static async Task<string?> SpoolAsync(HttpContext context, long limit, CancellationToken cancellationToken)
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

        var folder = context.RequestServices.GetRequiredService<DataFolder>();
        Directory.CreateDirectory(folder.Temp);
        var spool = Path.Combine(folder.Temp, $"{Guid.NewGuid():N}.body");
        var kept = false;
        try
        {
            await using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var chunk = new byte[81920];
                long length = 0;
                int read;
                while ((read = await context.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > limit)
                    {
                        return null;
                    }

                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
                }
            }

            kept = true;
            return spool;
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        finally
        {
            if (!kept)
            {
                File.Delete(spool);
            }
        }
    }

    public static IResult TooLarge(string what, long limit) => Results.Problem(
        title: "Upload too large.",
        detail: $"{what} uploads are limited to {limit / (1024 * 1024)} MB (Studio:{what}UploadLimitBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [$"larger than {limit} bytes"] } });
}
