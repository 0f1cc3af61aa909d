using Microsoft.AspNetCore.Razor.TagHelpers;

namespace SpeechArchive.Web.Presentation;

/// <summary>
/// <c>&lt;search-link link="…"&gt;</c>: a link of the search page, written as a plain <c>&lt;a href&gt;</c> where the page's query is
/// short enough to repeat in every link (<see cref="SearchLink.IsWrittenWhole"/>), so it opens in a new tab, its address can be
/// copied and a screen reader hears a link; else as a submit button of the page's form, which carries the query once
/// (<see cref="SearchLink.To"/>). Its other attributes and content are kept; <c>rel</c> and <c>download</c> only on a link.
/// <c>pressed</c> says a value is in force: <c>aria-current="true"</c> on a link, <c>aria-pressed</c> on a button.
/// <c>form</c> names the form (the search page's, <see cref="SearchLink.Form"/>, by default); where a page has none, pass null
/// and every link is written whole. Public because Razor finds only public tag helpers.
/// </summary>
[HtmlTargetElement("search-link", Attributes = "link")]
public sealed class SearchLinkTagHelper : TagHelper
{
    [HtmlAttributeName("link")]
    public SearchLink? Link { get; set; }

    [HtmlAttributeName("form")]
    public string? Form { get; set; } = SearchLink.Form;

    [HtmlAttributeName("pressed")]
    public bool? Pressed { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(Link);
        output.TagMode = TagMode.StartTagAndEndTag;
        if (Form is null || Link.IsWrittenWhole)
        {
            output.TagName = "a";
            output.Attributes.Insert(0, new TagHelperAttribute("href", Link.Href));
            if (Pressed == true)
            {
                output.Attributes.SetAttribute("aria-current", "true");
            }

            return;
        }

        output.TagName = "button";
        output.Attributes.RemoveAll("rel");
        output.Attributes.RemoveAll("download");
        output.Attributes.Insert(0, new TagHelperAttribute("type", "submit"));
        output.Attributes.Insert(1, new TagHelperAttribute("form", Form));
        output.Attributes.Insert(2, new TagHelperAttribute("name", SearchLink.Parameter));
        output.Attributes.Insert(3, new TagHelperAttribute("value", Link.To));
        if (Pressed is bool pressed)
        {
            output.Attributes.SetAttribute("aria-pressed", pressed ? "true" : "false");
        }
    }
}
