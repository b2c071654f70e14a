using Microsoft.Playwright;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// One headless chromium (Debian's, from PATH) for every browser test, driven by Playwright's bundled driver from the
/// test output folder (<c>.playwright/</c>). No browser is ever downloaded. WebGL (the studio's 3D view) runs on
/// software GL, ANGLE over SwiftShader, which <c>--disable-gpu</c> would turn off.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Expectations wait as long as any other browser wait (5 s by default): a circuit on a loaded 2-core machine
        // can take longer to apply an edit and draw the 3D view.
        Assertions.SetDefaultExpectTimeout(BrowserSession.Timeout);
        var chromium = ChromiumExecutable.Find();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Timeout = 60_000,
            Args =
            [
                "--no-sandbox",
                "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
