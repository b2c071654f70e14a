using Previz.Providers.Hosting;

namespace Previz.Providers.Errors;

/// <summary>Vendor names as users know them.</summary>
internal static class VendorNames
{
    public static string Of(HostedProvider provider) => provider switch
    {
        HostedProvider.Fal => "fal",
        HostedProvider.Runway => "Runway",
        HostedProvider.Luma => "Luma",
        HostedProvider.ComfyUI => "ComfyUI",
        _ => provider.ToString(),
    };
}
