package feed

import (
	"strings"
	"testing"
)

func TestProcessTemplates(t *testing.T) {
	const tail = " left as text (only the original site generator can evaluate it)"
	tests := []struct {
		name, base, in, want string
		wantDiags            string
	}{
		{"none", "", "plain { text } here\n", "plain { text } here\n", ""},
		{"raw removed", "", "{% raw %}{{ page.title }}{% endraw %}\n", "{{ page.title }}\n", ""},
		{"raw trim markers", "", "{%- raw -%}\n{% if x %}\n{%- endraw -%}\n", "\n{% if x %}\n\n", ""},
		{"raw multi-line no warnings", "", "{% raw %}\n{% include a %}\n\n{{ b }}\n{% endraw %}\nend {{ c }}\n",
			"\n{% include a %}\n\n{{ b }}\n\nend {{ c }}\n", `p.md:15: warning: template tag "{{ c }}"` + tail},
		{"raw never closed", "", "a\n{% raw %}\n{{ x }}\n", "a\n\n{{ x }}\n", `p.md:11: warning: {% raw %} is never closed by {% endraw %}`},
		{"relative_url", "https://example.com/blog/", `![x]({{ "/img/a.png" | relative_url }})`, `![x](/blog/img/a.png)`, ""},
		{"relative_url spacing", "https://example.com/blog", `[a]({{'/a/'|relative_url}}) [b]({{-   "b"   |   relative_url  -}})`, `[a](/blog/a/) [b](/blog/b)`, ""},
		{"absolute_url", "https://example.com/blog/", `{{ '/feed.xml' | absolute_url }}`, `https://example.com/blog/feed.xml`, ""},
		{"absolute_url root site", "https://example.com", `{{ "/x" | absolute_url }}`, `https://example.com/x`, ""},
		{"absolute_url of a URL", "https://example.com", `{{ "https://go.dev/" | absolute_url }}`, `https://go.dev/`, ""},
		{"no base URL", "", `{{ "/x" | relative_url }} {{ "/y" | absolute_url }}`, `/x /y`, ""},
		{"site variables", "https://example.com/blog/", `{{ site.url }}{{ site.baseurl }}/x`, `https://example.com/blog/x`, ""},
		{"variable piped", "https://example.com/", `{{ page.url | absolute_url }}`, `{{ page.url | absolute_url }}`,
			`p.md:10: warning: template tag "{{ page.url | absolute_url }}"` + tail},
		{"include warned", "", "a\n\nb {% include x.html %}\n", "a\n\nb {% include x.html %}\n",
			`p.md:12: warning: template tag "{% include x.html %}"` + tail},
		{"hugo shortcodes warned", "", "{{< youtube abc >}}\n{{% note %}}x{{% /note %}}\n", "{{< youtube abc >}}\n{{% note %}}x{{% /note %}}\n",
			"p.md:10: warning: template tag \"{{< youtube abc >}}\"" + tail +
				"\np.md:11: warning: template tag \"{{% note %}}\"" + tail +
				"\np.md:11: warning: template tag \"{{% /note %}}\"" + tail},
		{"hugo escaped shortcode", "", "{{</* youtube abc */>}} {{%/* x */%}}", "{{< youtube abc >}} {{% x %}}", ""},
		{"multi-line tag", "", "a {% include x.html\n  p=1 %} b\n{{ y }}\n", "a {% include x.html\n  p=1 %} b\n{{ y }}\n",
			"p.md:10: warning: template tag \"{% include x.html\\n  p=1 %}\"" + tail +
				"\np.md:12: warning: template tag \"{{ y }}\"" + tail},
		{"backtick fence", "", "```liquid\n{% include a %}\n{{ b }}\n```\n{{ c }}\n", "```liquid\n{% include a %}\n{{ b }}\n```\n{{ c }}\n",
			`p.md:14: warning: template tag "{{ c }}"` + tail},
		{"tilde fence", "", "~~~~\n{{ b }}\n~~~\n{{ b }}\n~~~~\n", "~~~~\n{{ b }}\n~~~\n{{ b }}\n~~~~\n", ""},
		{"raw inside fence removed", "", "```\n{% raw %}{{ x }}{% endraw %}\n```\n", "```\n{{ x }}\n```\n", ""},
		{"url filter in fence literal", "https://example.com/", "```\n{{ \"/x\" | relative_url }}\n```\n", "```\n{{ \"/x\" | relative_url }}\n```\n", ""},
		{"inline code", "", "use `{{ x }}` or ``{% y %}`` but {{ z }}\n", "use `{{ x }}` or ``{% y %}`` but {{ z }}\n",
			`p.md:10: warning: template tag "{{ z }}"` + tail},
		{"unmatched backtick", "", "a ` {{ z }}\n", "a ` {{ z }}\n", `p.md:10: warning: template tag "{{ z }}"` + tail},
		{"unclosed tag is text", "", "{{ a\n\n{% b\n", "{{ a\n\n{% b\n", ""},
		{"long tag truncated", "", "{{ " + strings.Repeat("x", 100) + " }}", "{{ " + strings.Repeat("x", 100) + " }}",
			`p.md:10: warning: template tag "{{ ` + strings.Repeat("x", 74) + `..."` + tail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, diags := processTemplates("p.md", []byte(tc.in), 10, tc.base)
			if string(got) != tc.want {
				t.Errorf("processTemplates(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
			}
			if g := diagStrings(diags); g != tc.wantDiags {
				t.Errorf("diagnostics:\ngot  %s\nwant %s", g, tc.wantDiags)
			}
		})
	}
}

func TestProcessTemplatesNoCopy(t *testing.T) {
	in := []byte("no tags {{ in code }}? `{{ x }}`\n")
	got, _ := processTemplates("p.md", in, 1, "")
	if &got[0] != &in[0] {
		t.Errorf("processTemplates copied a body it did not change")
	}
}
