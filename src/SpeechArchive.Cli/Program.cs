using System.CommandLine;
using System.Text;
using SpeechArchive.Cli;
using SpeechArchive.Cli.Commands;

Console.OutputEncoding = Encoding.UTF8;
Console.InputEncoding = Encoding.UTF8;
Terminal.Configure();

var root = new RootCommand("讲话检索 SpeechArchive: index Chinese speeches and search them by phrase, theme, year and directive type.");
root.Options.Add(CommonOptions.Index);
root.Options.Add(ArchiveOptions.Thesaurus);
root.Subcommands.Add(IndexCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(ShowCommand.Create());
root.Subcommands.Add(StatsCommand.Create());
root.Subcommands.Add(ClassifyCommand.Create());
root.Subcommands.Add(EvalCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(ConcordanceCommand.Create());
root.Subcommands.Add(VariantsCommand.Create());
root.Subcommands.Add(SimilarCommand.Create());
root.Subcommands.Add(DraftCheckCommand.Create());
root.Subcommands.Add(RelatedCommand.Create());
root.Subcommands.Add(TrendsCommand.Create());
root.Subcommands.Add(RecallEvalCommand.Create());
root.Subcommands.Add(RecallSampleCommand.Create());
root.Subcommands.Add(EvalTopicalCommand.Create());
return CliErrors.Run(() => root.Parse(args).Invoke());
