using Previz.Core.Catalog;
using Previz.Providers.Hosting;

namespace Previz.Providers.Requests;

/// <summary>
/// Which client serves a catalog endpoint, the endpoint as that client wants it, body fields the endpoint id implies,
/// and how input pictures travel.
/// <list type="bullet">
/// <item>fal: the endpoint id as is (<c>fal-ai/veo3.1/image-to-video</c>); pictures uploaded to fal storage
/// (fal-js storage.ts), which every fal endpoint accepts as URLs.</item>
/// <item>Runway: the catalog writes <c>/v1/{path}</c> (<c>/v1/image_to_video</c>); the client takes <c>{path}</c>
/// (the <c>model</c> field is one of the catalog's constant fields); pictures go through Runway's ephemeral uploads
/// (<c>runway://</c> URIs, runwayml/sdk-python resources/uploads.py).</item>
/// <item>Luma: the path under the base URL; pictures and guide videos inline as <c>{data, media_type}</c> references, the
/// SDK's documented way for a file with no public URL (luma-agents-python types/image_ref_param.py; the Luma client
/// uploads nothing).</item>
/// <item>ComfyUI: the workflow's name; files uploaded to the server's input folder, their names written into slots.</item>
/// </list>
/// </summary>
public sealed record VendorRoute(HostedProvider Provider, string ClientEndpoint, InputFileTransport Transport)
{
    /// <summary>The route for <paramref name="endpoint"/> of a model run by <paramref name="provider"/>.</summary>
    public static VendorRoute For(ModelProvider provider, VendorEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        switch (provider)
        {
            case ModelProvider.Fal:
                return new VendorRoute(HostedProvider.Fal, endpoint.Id, InputFileTransport.Upload);
            case ModelProvider.Runway:
                var id = endpoint.Id.StartsWith("/v1/", StringComparison.Ordinal) ? endpoint.Id[4..] : endpoint.Id.TrimStart('/');
                return new VendorRoute(HostedProvider.Runway, id, InputFileTransport.Upload);
            case ModelProvider.ComfyUI:
                // The endpoint id names the workflow; inputs go through the server's /upload/image.
                return new VendorRoute(HostedProvider.ComfyUI, endpoint.Id, InputFileTransport.Upload);
            case ModelProvider.Luma:
                return new VendorRoute(HostedProvider.Luma, endpoint.Id.TrimStart('/'), InputFileTransport.InlineMedia);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Direct Render has no vendor route.");
        }
    }
}
