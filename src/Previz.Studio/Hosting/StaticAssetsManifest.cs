namespace Previz.Studio.Hosting;

/// <summary>
/// The static web assets manifests the build writes beside the program. The studio is a library hosted by
/// <c>previz</c>, whose manifest also carries the framework's <c>blazor.web.js</c>, so the program's own manifest is
/// preferred over the studio's.
/// </summary>
/// <param name="Endpoints">The endpoints manifest (<c>*.staticwebassets.endpoints.json</c>), if any.</param>
/// <param name="Runtime">The build-time manifest mapping assets to their source folders (absent after publish).</param>
public sealed record StaticAssetsManifest(string? Endpoints, string? Runtime)
{
    public static StaticAssetsManifest Find()
    {
        string?[] names = [System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name, typeof(StaticAssetsManifest).Assembly.GetName().Name];
        foreach (var name in names.OfType<string>())
        {
            var endpoints = Path.Combine(AppContext.BaseDirectory, name + ".staticwebassets.endpoints.json");
            if (File.Exists(endpoints))
            {
                var runtime = Path.Combine(AppContext.BaseDirectory, name + ".staticwebassets.runtime.json");
                return new StaticAssetsManifest(endpoints, File.Exists(runtime) ? runtime : null);
            }
        }

        return new StaticAssetsManifest(null, null);
    }
}
