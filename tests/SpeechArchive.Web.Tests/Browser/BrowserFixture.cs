using Microsoft.Playwright;

namespace SpeechArchive.Web.Tests.Browser;

/// <summary>
/// One headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) for a test class. Without Chromium the
/// tests are reported as skipped with <see cref="Unavailable"/> as the reason, except under CI=true, where they fail with the install command.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public IBrowser? Browser { get; private set; }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } p ? p : DefaultChromium;

    /// <summary>A browser context on the app at <paramref name="address"/>: Chinese locale, a desktop window or a phone.</summary>
    public static BrowserNewContextOptions ContextOptions(Uri address, bool phone) => new()
    {
        BaseURL = address.ToString().TrimEnd('/'),
        Locale = "zh-CN",
        ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
        IsMobile = phone,
        HasTouch = phone,
        DeviceScaleFactor = phone ? 2 : 1,
    };

    public static bool InCi => SpeechArchive.Tests.ExternalTools.InCi;

    public string? Unavailable { get; private set; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"Chromium not found at {ChromiumPath}: install it with `apt-get install -y chromium fonts-noto-cjk` (or set CHROMIUM_PATH).";
            if (InCi)
            {
                throw new InvalidOperationException("Browser tests must run in CI. " + Unavailable);
            }

            return;
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// Runs <paramref name="scenario"/> on a page of a fresh context on the app at <paramref name="address"/> (a desktop
    /// window, or a phone; with clipboard access when asked); any console error, a CSP violation included, fails the test
    /// unless <paramref name="expected"/> says it is one the scenario asks for (the browser's note on a page that answers 404);
    /// with <paramref name="script"/> false, the pages run without JavaScript.
    /// Skips the test when there is no browser.
    /// </summary>
    public async Task RunAsync(Uri address, Func<IPage, Task> scenario, bool phone = false, bool clipboard = false, ViewportSize? viewport = null, Func<string, bool>? expected = null, bool script = true)
    {
        Skip.If(Browser is null, Unavailable);
        var options = ContextOptions(address, phone);
        options.JavaScriptEnabled = script;
        if (viewport is not null)
        {
            options.ViewportSize = viewport;
        }

        if (clipboard)
        {
            options.Permissions = ["clipboard-read", "clipboard-write"];
        }

        await using var context = await Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && !(expected?.Invoke(m.Text) ?? false))
            {
                errors.Add(m.Text);
            }
        };
        await scenario(page);
        Assert.Empty(errors);
    }

    /// <summary>Saves a screenshot under TestResults/screenshots and names it in the test's output.</summary>
    public static async Task ShotAsync(IPage page, string name, Xunit.Abstractions.ITestOutputHelper output, bool fullPage = true)
    {
        var path = Path.Combine(TestPaths.Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        output.WriteLine("Screenshot: " + path);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
