using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// One test's browser tab at 1280×720 on a studio server: collects console errors and page errors, and saves a
/// screenshot per step under <c>out/e2e/&lt;test&gt;/&lt;nn-step&gt;.png</c> in the repository.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>How long any single wait may take on a loaded 2-core machine (Blazor circuits, renders, encodes).</summary>
    public const float Timeout = 60_000;

    private readonly IBrowserContext _context;
    private readonly string _shots;
    private int _step;

    private BrowserSession(IBrowserContext context, IPage page, string shots)
    {
        _context = context;
        Page = page;
        _shots = shots;
    }

    public IPage Page { get; }

    /// <summary>Console messages of type error and uncaught page errors, as they came.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, StudioServer server, string test)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUri.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 720 },
        });
        context.SetDefaultTimeout(Timeout);
        context.SetDefaultNavigationTimeout(Timeout);
        var page = await context.NewPageAsync();
        var shots = Path.Combine(RepositoryRoot.Path, "out", "e2e", test);
        if (Directory.Exists(shots))
        {
            Directory.Delete(shots, recursive: true);
        }

        Directory.CreateDirectory(shots);
        var session = new BrowserSession(context, page, shots);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Enqueue($"console: {message.Text} ({message.Location}, on {page.Url})");
            }
        };
        page.PageError += (_, error) => session.Errors.Enqueue($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                session.Errors.Enqueue($"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        return session;
    }

    /// <summary>Opens a studio address and waits for the Blazor script to have loaded.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET {path} answered {response.Status}");
        await Page.WaitForFunctionAsync("() => window.Blazor !== undefined");
    }

    /// <summary>
    /// Waits until Blazor's interactive circuit has attached event handlers to the element (prerendered markup is
    /// on the page earlier, and a click on it before then is lost). Blazor's event delegator keeps an element's
    /// handlers in an own property named <c>_blazorEvents_N</c>.
    /// </summary>
    public static async Task<ILocator> InteractiveAsync(ILocator element)
    {
        await element.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await element.EvaluateAsync(
            """
            el => new Promise(resolve => {
              const ready = () => Object.getOwnPropertyNames(el).some(p => p.startsWith('_blazorEvents_'));
              if (ready()) { resolve(true); return; }
              const timer = setInterval(() => { if (ready()) { clearInterval(timer); resolve(true); } }, 50);
            })
            """);
        return element;
    }

    /// <summary>Picks the option whose value or visible text is <paramref name="valueOrLabel"/> once it is offered.</summary>
    public static async Task SelectAsync(ILocator select, string valueOrLabel)
    {
        await InteractiveAsync(select);
        var value = await select.EvaluateAsync<string>(
            """
            (el, wanted) => new Promise(resolve => {
              const find = () => [...el.options].find(o => o.value === wanted || o.text.trim() === wanted);
              const found = find();
              if (found) { resolve(found.value); return; }
              const timer = setInterval(() => { const o = find(); if (o) { clearInterval(timer); resolve(o.value); } }, 50);
            })
            """,
            valueOrLabel);
        var chosen = await select.SelectOptionAsync(new SelectOptionValue { Value = value });
        Assert.Equal([value], chosen);
    }

    /// <summary>Saves the page as <c>nn-name.png</c>.</summary>
    public async Task StepAsync(string name)
    {
        var file = Path.Combine(_shots, $"{++_step:00}-{name}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
    }
}
