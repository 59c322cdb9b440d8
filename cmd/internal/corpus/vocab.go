package corpus

// The word lists the generator draws from. Every entry is safe as a plain
// YAML scalar inside a flow list (no commas, brackets, quotes or ": ").

// plainWords are lowercase ASCII words for prose, titles and slugs.
var plainWords = []string{
	"harbor", "quiet", "light", "river", "market", "council", "budget", "engine", "garden", "winter",
	"summer", "station", "bridge", "signal", "network", "library", "feature", "release", "update", "review",
	"policy", "report", "season", "project", "people", "school", "museum", "plan", "city", "village",
	"road", "forest", "coast", "storm", "energy", "water", "power", "price", "trade", "export",
	"import", "growth", "health", "science", "study", "result", "record", "match", "team", "player",
	"coach", "festival", "concert", "film", "book", "author", "reader", "editor", "writer", "story",
	"history", "future", "morning", "evening", "weekend", "holiday", "journey", "travel", "flight", "train",
	"bus", "ticket", "office", "meeting", "agreement", "partner", "minister", "official", "committee", "vote",
	"election", "campaign", "support", "effort", "change", "reform", "system", "service", "device", "phone",
	"screen", "camera", "sensor", "robot", "model", "data", "cloud", "server", "client", "browser",
	"feed", "parser", "compiler", "cache", "memory", "thread", "query", "index", "schema", "release",
	"the", "a", "of", "and", "to", "in", "on", "for", "with", "by",
	"from", "about", "after", "before", "during", "between", "under", "over", "new", "old",
	"small", "large", "early", "late", "local", "national", "public", "private", "open", "closed",
	"strong", "steady", "rapid", "careful", "recent", "annual", "weekly", "daily", "major", "minor",
	"said", "says", "will", "would", "could", "should", "announced", "reported", "opened", "closed",
	"raised", "lowered", "expanded", "reduced", "started", "finished", "visited", "joined", "signed", "approved",
	"is", "was", "are", "were", "has", "had", "more", "less", "most", "many",
}

// tagWords is the tag vocabulary, most frequent first (tags are drawn with
// a Zipf-like distribution over this order).
var tagWords = []string{
	"go", "rss", "web", "release", "security", "performance", "linux", "tutorial", "design", "testing",
	"database", "javascript", "css", "html", "markdown", "yaml", "json", "atom", "cli", "docker",
	"kubernetes", "networking", "privacy", "accessibility", "i18n", "unicode", "typography", "photography", "travel", "food",
	"music", "books", "film", "science", "climate", "energy", "policy", "economy", "sports", "health",
	"education", "history", "art", "open-source", "hardware", "embedded", "rust", "python", "café", "日本",
}

// categories is the category vocabulary.
var categories = []string{"Engineering", "News", "Notes", "Opinion", "Releases", "Culture", "Science", "Reviews"}

// authors are the author names, several of them non-ASCII.
var authors = []string{
	"Ana Souza", "José Álvarez", "Zoë Lindqvist", "Søren Kierkegaard Jr", "王芳", "Nguyễn Văn An",
	"Chloé Dubois", "Łukasz Nowak", "Ayşe Yılmaz", "Björn Halvorsen", "Priya Raman", "Kenji Sato",
	"Fatima Al-Sayed", "Olumide Adeyemi", "Marta Ruiz", "Tomás O'Neill", "Ines Müller", "Dmitri Volkov",
	"Hannah Cohen", "Lucas Martin",
}

// foreignWords are short non-ASCII words and phrases.
var foreignWords = []string{
	"café crème", "naïve façade", "Ångström", "Straße", "Øresund", "São Paulo", "Kraków", "Dvořák",
	"東京", "北京", "서울", "Αθήνα", "Москва", "Zürich", "Málaga", "Reykjavík", "jalapeño", "smörgåsbord",
}

// foreignText are sentences in other scripts.
var foreignText = []string{
	"Le café était très chaud, et la crème brûlée était parfaite.",
	"Die Straßenbahn fährt über die Brücke nach Süden.",
	"今日は天気が良いので、公園を散歩しました。",
	"我们在图书馆里读了很多书，然后去吃饭。",
	"서울의 봄은 아주 아름답습니다.",
	"Καλημέρα σε όλους τους αναγνώστες μας.",
	"Привет всем, это короткий текст на русском языке.",
	"Ça va? Oui, ça va très bien — merci! 🎉",
	"Emoji test: 🚀 ✨ 👩‍💻 🇫🇷 🧪 and a ZWJ family 👨‍👩‍👧.",
	"Zażółć gęślą jaźń, powiedział Łukasz.",
}

// rtlText are right-to-left sentences.
var rtlText = []string{
	"مرحبا بالعالم، هذا نص عربي قصير للاختبار.",
	"שלום עולם, זה טקסט קצר בעברית.",
	"این یک متن کوتاه فارسی است.",
}

// emoji are single emoji, some of them multi-codepoint.
var emoji = []string{"🚀", "✨", "🎉", "👩‍💻", "🇯🇵", "🐹", "📰", "❤️", "🧵", "☕"}

// cities are news-wire datelines, in capitals as in the samples.
var cities = []string{
	"TEHRAN", "LONDON", "NAIROBI", "SÃO PAULO", "TOKYO", "BERLIN", "NEW YORK", "CAIRO", "MUMBAI",
	"MEXICO CITY", "ISTANBUL", "SEOUL", "LAGOS", "OSLO", "BUENOS AIRES", "MONTRÉAL", "JAKARTA", "KYIV",
}

// wireNames are people quoted in news-wire articles.
var wireNames = []string{
	"the minister", "a spokesperson", "the mayor", "Director Amina Hassan", "Professor Lee",
	"the governor", "Chairman Ortiz", "an official", "the coach", "Dr. Novak",
}

// links are link targets of every relative kind.
var links = []string{
	"/about/", "/posts/2024/hello-world/", "other-post.md", "notes/draft.html", "../archive/",
	"../../index.html", "#comments", "#section-2", "//cdn.example.net/app.js", "https://example.com/a?x=1&y=2",
	"http://example.org/page#top", "./local/file.txt", "?page=3", "mailto:editor@example.org",
	"/search?q=caf%C3%A9", "https://例え.jp/パス", "/tags/go/",
}

// images are image sources of every relative kind.
var images = []string{
	"images/photo.jpg", "/media/banner.png", "../assets/chart.svg", "//img.example.net/pic.webp",
	"https://images.example.com/hero.jpg \"Hero image\"", "./diagram.png",
}

// code are fenced-code bodies (each ends with a newline).
var code = []string{
	"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tif a < b && c > d {\n\t\tfmt.Println(\"<hello> & goodbye\")\n\t}\n}\n",
	"const items = feed.items.filter(i => !i.draft && i.date < now);\nconsole.log(`${items.length} items`);\n",
	"$ feedgen build -config config.yaml -out public\n$ ls public\natom.xml  feed.json  rss.xml\n",
	"title: Example\ntags: [a, b]\n---\nnot front matter, just code\n",
	"<div class=\"x\" onclick=\"evil()\">\n  <script>alert('inside code is text')</script>\n</div>\n",
	"SELECT id, title FROM posts WHERE date < '2026-01-01' ORDER BY date DESC LIMIT 50;\n",
}

// rawHTML are inline HTML blocks, some with what a sanitizer must remove.
var rawHTML = []string{
	"<div class=\"note\" onclick=\"alert('clicked')\">\n<p>A note with an <strong>onclick</strong> handler.</p>\n</div>",
	"<script>document.write('tracking pixel');</script>",
	"<p>Inline <span style=\"color: red\">style</span>, <em>emphasis</em> and <a href=\"javascript:alert(1)\">a bad link</a>.</p>",
	"<details>\n<summary>Click to expand</summary>\n<p>Hidden content with a <a href=\"../hidden/\">relative link</a>.</p>\n</details>",
	"<iframe src=\"https://www.example.com/embed/xyz\" width=\"560\" height=\"315\"></iframe>",
	"<p>Unclosed <b>bold and <i>italic</p>",
	"<img src=\"/pixel.gif\" onerror=\"steal()\" alt=\"\">",
	"<video controls src=\"media/clip.mp4\" poster=\"media/clip.jpg\"></video>",
	"<table><tr><td>raw</td><td>table</td></tr></table>",
}
