using System.Text;

namespace Phytrace.Nano.Tests.Cli;

/// <summary>
/// Replays console output on an imaginary terminal and returns the lines left on its screen: what a
/// user sees once a command has finished. Knows the controls Spectre.Console's live displays use
/// (cursor up, erase line, carriage return); colours and cursor visibility are dropped.
/// </summary>
internal static class TerminalReplay
{
    public static List<string> Screen(string output)
    {
        var lines = new List<StringBuilder> { new StringBuilder() };
        int row = 0;
        int column = 0;
        for (int i = 0; i < output.Length; i++)
        {
            char c = output[i];
            if (c == '\u001b' && i + 1 < output.Length && output[i + 1] == '[')
            {
                int end = i + 2;
                while (end < output.Length && !char.IsAsciiLetter(output[end]))
                {
                    end++;
                }
                if (end == output.Length)
                {
                    break;
                }
                string argument = output.Substring(i + 2, end - i - 2);
                switch (output[end])
                {
                    case 'A':
                        row = Math.Max(0, row - (argument.Length == 0 ? 1 : int.Parse(argument, System.Globalization.CultureInfo.InvariantCulture)));
                        break;
                    case 'K':
                        if (argument == "2")
                        {
                            lines[row].Clear();
                            column = 0;
                        }
                        else
                        {
                            lines[row].Length = Math.Min(lines[row].Length, column);
                        }
                        break;
                }
                i = end;
                continue;
            }
            if (c == '\n')
            {
                row++;
                column = 0;
                while (lines.Count <= row)
                {
                    lines.Add(new StringBuilder());
                }
                continue;
            }
            if (c == '\r')
            {
                column = 0;
                continue;
            }
            StringBuilder line = lines[row];
            while (line.Length < column)
            {
                line.Append(' ');
            }
            if (column < line.Length)
            {
                line[column] = c;
            }
            else
            {
                line.Append(c);
            }
            column++;
        }
        return lines.Select(l => l.ToString().Trim()).Where(l => l.Length > 0).ToList();
    }
}
