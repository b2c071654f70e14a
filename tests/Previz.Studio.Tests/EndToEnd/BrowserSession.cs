using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Previz.Studio.Tests.EndToEnd;

/// <summary>
/// One test's browser tab at 1280×720 on a studio server: collects console errors and page errors, and saves a
/// screenshot per step under <c>out/e2e/&lt;test&gt;/&lt;nn-step&gt;.png</c> in the repository. When it closes it writes the
/// page's address, its errors, the browser's navigations and the server's latest log lines to the test's output, which
/// the test runner prints for a failed test: a browser wait that times out says nothing about why on its own.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>How long any single wait may take on a loaded 2-core machine (Blazor circuits, renders, encodes).</summary>
    public const float Timeout = 60_000;

    private const int LastServerEntries = 20;

    private readonly IBrowserContext _context;
    private readonly string _shots;
    private readonly StudioServer _server;
    private readonly ITestOutputHelper _output;
    private readonly ConcurrentQueue<string> _navigations = new();
    private int _step;

    private BrowserSession(IBrowserContext context, IPage page, string shots, StudioServer server, ITestOutputHelper output)
    {
        _context = context;
        Page = page;
        _shots = shots;
        _server = server;
        _output = output;
    }

    public IPage Page { get; }

    /// <summary>Console messages of type error and uncaught page errors, as they came.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<BrowserSession> OpenAsync(BrowserFixture browser, StudioServer server, string test, ITestOutputHelper output)
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
        var session = new BrowserSession(context, page, shots, server, output);
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                session._navigations.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {frame.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                session.Errors.Enqueue($"console: {message.Text} ({message.Location}, on {page.Url})");
            }
        };
        page.PageError += (_, error) => session.Errors.Enqueue($"page error: {error}");
        page.Crash += (_, _) => session.Errors.Enqueue($"the page crashed (on {page.Url})");
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

    /// <summary>
    /// Saves the page as <c>nn-name.png</c>. A screenshot is a record of the run, not a check: one that cannot be taken
    /// in time (software GL on a busy machine can hold a WebGL page's next frame that long) is noted, not failed.
    /// </summary>
    public async Task StepAsync(string name)
    {
        var file = Path.Combine(_shots, $"{++_step:00}-{name}.png");
        try
        {
            await Page.ScreenshotAsync(new PageScreenshotOptions { Path = file, Timeout = 20_000 });
        }
        catch (TimeoutException ex)
        {
            _output.WriteLine($"no screenshot {Path.GetFileName(file)}: {ex.Message}");
        }
    }

    /// <summary>
    /// The server's log entries at warning level and above, then its latest ones: at information level every request
    /// is logged, and those would bury the one entry that says what went wrong.
    /// </summary>
    private string ServerLog()
    {
        var entries = new List<List<string>>();
        foreach (var line in _server.Process.Output)
        {
            // The console logger starts an entry with its level ("info: Category[id]") and indents the message.
            if (entries.Count == 0 || !line.StartsWith(' '))
            {
                entries.Add([]);
            }

            entries[^1].Add(line);
        }

        var serious = entries.Where(e => e[0].StartsWith("warn:", StringComparison.Ordinal) || e[0].StartsWith("fail:", StringComparison.Ordinal) || e[0].StartsWith("crit:", StringComparison.Ordinal));
        return string.Join('\n', serious.Concat([["…"]]).Concat(entries.TakeLast(LastServerEntries)).SelectMany(e => e));
    }

    public async ValueTask DisposeAsync()
    {
        // The page as the test left it: after a failed wait, the one picture of what the user would have seen.
        try
        {
            await StepAsync("last");
        }
        catch (PlaywrightException ex)
        {
            // Thrown from a dispose it would hide the test's own failure.
            _output.WriteLine($"no last screenshot: {ex.Message}");
        }

        _output.WriteLine($"browser at {Page.Url} after {_step} screenshots in {_shots}");
        _output.WriteLine($"navigations:\n  {string.Join("\n  ", _navigations)}");
        _output.WriteLine(Errors.IsEmpty ? "no browser errors" : $"browser errors:\n  {string.Join("\n  ", Errors)}");
        _output.WriteLine($"server's warnings and errors, then its last {LastServerEntries} log entries:\n{ServerLog()}");
        await _context.CloseAsync();
    }
}
