using System.Text.Json.Nodes;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Fal;

/// <summary>
/// Media files in a fal result. fal models answer with File objects <c>{url, content_type, file_name, file_size}</c>
/// under <c>video</c> (video models, e.g. Kling/Veo: <c>{video: {url, …}}</c>) or <c>images[]</c>/<c>image</c>
/// (image models), per the output types in fal-ai/fal-js libs/client/src/types/endpoints.ts.
/// </summary>
internal static class FalOutputs
{
    private static readonly string[] Singles = ["video", "image", "audio"];
    private static readonly string[] Lists = ["videos", "images"];

    public static IReadOnlyList<HostedOutput> Read(JsonNode result)
    {
        var outputs = new List<HostedOutput>();
        if (result is not JsonObject obj)
        {
            return outputs;
        }

        foreach (var name in Singles)
        {
            Add(obj[name]);
        }

        foreach (var name in Lists)
        {
            if (obj[name] is JsonArray items)
            {
                foreach (var item in items)
                {
                    Add(item);
                }
            }
        }

        return outputs;

        void Add(JsonNode? file)
        {
            if (JsonRead.AbsoluteUri(file, "url") is { } url && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            {
                outputs.Add(new HostedOutput(url, JsonRead.String(file, "content_type"), JsonRead.String(file, "file_name"), JsonRead.Long(file, "file_size")));
            }
        }
    }
}
