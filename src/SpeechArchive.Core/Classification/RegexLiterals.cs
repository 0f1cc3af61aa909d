using System.Text;

namespace SpeechArchive.Classification;

/// <summary>
/// Derives from a regex a set of literal strings of which every match contains at least one, so the pattern only
/// runs on sentences where the cue automaton saw one of them. Conservative: anything it does not understand gives null
/// (the pattern then runs on every sentence).
/// </summary>
internal static class RegexLiterals
{
    public static IReadOnlyList<string>? Required(string pattern)
    {
        try
        {
            var parser = new Parser(pattern);
            var result = parser.Alternation();
            return parser.AtEnd && result is { Count: > 0 } && result.All(s => s.Length > 0) ? result : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private sealed class Parser(string pattern)
    {
        private static readonly List<string> Digits = [.. "0123456789".Select(c => c.ToString())];

        private int pos;

        public bool AtEnd => pos >= pattern.Length;

        public List<string>? Alternation()
        {
            var branches = new List<List<string>?> { Sequence() };
            while (Peek() == '|')
            {
                pos++;
                branches.Add(Sequence());
            }

            return branches.Any(b => b is null) ? null : [.. branches.SelectMany(b => b!).Distinct(StringComparer.Ordinal)];
        }

        private List<string>? Sequence()
        {
            List<string>? best = null;
            var run = new StringBuilder();
            void Consider(List<string> set)
            {
                if (best is null || Quality(set) > Quality(best))
                {
                    best = set;
                }
            }

            void Flush()
            {
                if (run.Length > 0)
                {
                    Consider([TermText.Normalize(run.ToString())]);
                    run.Clear();
                }
            }

            while (!AtEnd && Peek() is not ('|' or ')'))
            {
                var c = pattern[pos++];
                var (literal, group) = c switch
                {
                    '\\' when Peek() == 'd' && ++pos > 0 => (null, Digits),
                    '\\' => (Escape(), null),
                    '[' => (SkipClass(), null),
                    '(' => (null, Group()),
                    '.' or '^' or '$' => ((char?)null, null),
                    '*' or '+' or '?' or '{' => throw new NotSupportedException(),
                    _ => ((char?)c, (List<string>?)null),
                };
                var min = Quantifier();
                if (literal is { } ch && !TermText.IsIgnorable(ch))
                {
                    if (min is null)
                    {
                        run.Append(ch);
                    }
                    else if (min > 0)
                    {
                        run.Append(ch);
                        Flush();
                    }
                    else
                    {
                        Flush();
                    }

                    continue;
                }

                Flush();
                if (group is { Count: > 0 } && (min is null || min > 0) && group.All(s => s.Length > 0))
                {
                    Consider(group);
                }
            }

            Flush();
            return best;
        }

        private static int Quality(List<string> set) => set.Min(s => s.Length) * 100 - set.Count;

        private char? Peek() => AtEnd ? null : pattern[pos];

        private char Next() => AtEnd ? throw new NotSupportedException() : pattern[pos++];

        private char? Escape()
        {
            var c = Next();
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return c;
            }

            switch (c)
            {
                case 'p' or 'P':
                    SkipPast('}');
                    break;
                case 'u':
                    pos += 4;
                    break;
                case 'x':
                    pos += 2;
                    break;
                case 'c':
                    pos += 1;
                    break;
                case 'k':
                    SkipPast(Next() == '<' ? '>' : '\'');
                    break;
                case >= '0' and <= '9':
                    while (Peek() is >= '0' and <= '9')
                    {
                        pos++;
                    }

                    break;
                case 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'b' or 'B' or 'A' or 'z' or 'Z' or 'G' or 'n' or 't' or 'r' or 'f' or 'v' or 'e' or 'a':
                    break;
                default:
                    throw new NotSupportedException();
            }

            return null;
        }

        private char? SkipClass()
        {
            if (Peek() == '^')
            {
                pos++;
            }

            if (Peek() == ']')
            {
                pos++;
            }

            while (true)
            {
                var c = Next();
                if (c == ']')
                {
                    return null;
                }

                if (c == '[')
                {
                    throw new NotSupportedException();
                }

                if (c == '\\')
                {
                    Next();
                }
            }
        }

        private List<string>? Group()
        {
            var zeroWidth = false;
            if (Peek() == '?')
            {
                pos++;
                var c = Next();
                if (c == '<' && Peek() is '=' or '!')
                {
                    pos++;
                    zeroWidth = true;
                }
                else if (c is '=' or '!')
                {
                    zeroWidth = true;
                }
                else if (c == '<' || c == '\'')
                {
                    SkipPast(c == '<' ? '>' : '\'');
                }
                else if (c != ':')
                {
                    throw new NotSupportedException();
                }
            }

            var inner = Alternation();
            if (Next() != ')')
            {
                throw new NotSupportedException();
            }

            return zeroWidth ? null : inner;
        }

        private int? Quantifier()
        {
            int? min;
            switch (Peek())
            {
                case '*' or '?':
                    pos++;
                    min = 0;
                    break;
                case '+':
                    pos++;
                    min = 1;
                    break;
                case '{':
                    min = Braces();
                    break;
                default:
                    return null;
            }

            if (Peek() == '?')
            {
                pos++;
            }

            return min;
        }

        private int Braces()
        {
            var start = ++pos;
            while (Peek() is >= '0' and <= '9')
            {
                pos++;
            }

            if (pos == start)
            {
                throw new NotSupportedException();
            }

            var min = int.Parse(pattern.AsSpan(start, pos - start), System.Globalization.CultureInfo.InvariantCulture);
            SkipPast('}');
            return min;
        }

        private void SkipPast(char end)
        {
            while (Next() != end)
            {
            }
        }
    }
}
