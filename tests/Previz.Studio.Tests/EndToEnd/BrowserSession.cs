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
    /// Waits until Blazor's interactive circuit has attached event handlers to the element. Prerendered markup is on
    /// the page earlier, and when the circuit starts Blazor replaces it with fresh elements, so a click on the
    /// prerendered one is lost: the locator is resolved again on every look. Blazor's event delegator keeps an
    /// element's handlers in an own property named <c>_blazorEvents_N</c>.
    /// </summary>
    public static async Task<ILocator> InteractiveAsync(ILocator element)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Timeout);
        while (true)
        {
            await element.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
            var ready = await element.EvaluateAsync<bool>(
                "el => Object.getOwnPropertyNames(el).some(p => p.startsWith('_blazorEvents_'))",
                null,
                new LocatorEvaluateOptions { Timeout = Timeout });
            if (ready)
            {
                return element;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{element} never became interactive (no Blazor event handlers on it).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Picks the option whose value or visible text is <paramref name="valueOrLabel"/> once it is offered.</summary>
    public static async Task SelectAsync(ILocator select, string valueOrLabel)
    {
        await InteractiveAsync(select);
        var deadline = DateTime.UtcNow + TimeSpan.FromMilliseconds(Timeout);
        string? value;
        while ((value = await select.EvaluateAsync<string?>(
                   "(el, wanted) => { const o = [...el.options].find(o => o.value === wanted || o.text.trim() === wanted); return o ? o.value : null; }",
                   valueOrLabel)) is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                var offered = await select.Locator("option").AllInnerTextsAsync();
                throw new TimeoutException($"{select} never offered '{valueOrLabel}': {string.Join(", ", offered)}");
            }

            await Task.Delay(100);
        }

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
