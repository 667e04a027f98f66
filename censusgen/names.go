package censusgen

// The name lists follow demo/data/names.csv and demo/data/surnames.txt
// (package demo keeps its lists unexported), with a few more names that have
// umlauts and ß, so that transliteration noise has something to work on.

var givenFemale = []string{
	"Anna", "Maria", "Julia", "Laura", "Lena", "Sarah", "Katharina", "Lisa", "Sophie", "Hannah",
	"Lea", "Johanna", "Christina", "Sabine", "Andrea", "Claudia", "Susanne", "Petra", "Stefanie",
	"Nicole", "Katrin", "Birgit", "Monika", "Ursula", "Barbara", "Martina", "Anja", "Daniela",
	"Sandra", "Melanie", "Kerstin", "Silke", "Heike", "Anke", "Simone", "Tanja", "Nadine", "Jana",
	"Franziska", "Carina", "Verena", "Theresa", "Magdalena", "Elisabeth", "Eva", "Ingrid", "Renate",
	"Gabriele", "Corinna", "Miriam", "Judith", "Nina", "Marlene", "Emma", "Clara", "Helena",
	"Leonie", "Annika", "Regula", "Ursina", "Bärbel", "Dörte", "Jördis", "Gülsen",
}

var givenMale = []string{
	"Thomas", "Michael", "Andreas", "Stefan", "Markus", "Christian", "Martin", "Peter", "Frank",
	"Jürgen", "Klaus", "Wolfgang", "Uwe", "Matthias", "Alexander", "Tobias", "Florian", "Sebastian",
	"Daniel", "Jan", "Jens", "Dirk", "Ralf", "Holger", "Torsten", "Sven", "Lukas", "Felix", "Jonas",
	"Maximilian", "Paul", "Leon", "Simon", "David", "Philipp", "Benjamin", "Johannes", "Georg",
	"Bernhard", "Manfred", "Helmut", "Dieter", "Rainer", "Norbert", "Werner", "Gerhard", "Josef",
	"Franz", "Karl", "Reto", "Beat", "Urs", "Lorenz", "Fabian", "Dominik", "Patrick", "Oliver",
	"Christoph", "Moritz", "Hannes", "Jörg", "Björn", "Günter", "Sören", "Jörn", "Rüdiger",
}

// Surnames by the country where they are most common.
var (
	surnamesDE = []string{
		"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
		"Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann",
		"Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
		"Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann",
		"König", "Mayer", "Huber", "Kaiser", "Fuchs", "Lang", "Scholz", "Möller", "Weiß", "Jung",
		"Hahn", "Schubert", "Vogel", "Keller", "Günther", "Berger", "Winkler", "Roth", "Beck",
		"Baumann", "Franke", "Albrecht", "Schuster", "Böhm", "Winter", "Kraus", "Schumacher",
		"Krämer", "Vogt", "Stein", "Jäger", "Sommer", "Groß", "Seidel", "Brandt", "Haas",
		"Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Pohl", "Engel", "Horn",
		"Busch", "Bergmann", "Voigt", "Sauer", "Arnold", "Pfeiffer", "Strauß", "Voß", "Meißner",
		"Preuß", "Nußbaum", "Lüdtke", "Görtz", "Büttner",
	}
	surnamesAT = []string{
		"Gruber", "Pichler", "Steiner", "Moser", "Hofer", "Leitner", "Eder", "Reiter", "Wimmer",
		"Egger", "Brunner", "Baumgartner", "Auer", "Binder", "Lechner", "Wallner", "Aigner",
		"Ebner", "Koller", "Lehner", "Höller", "Pölzl",
	}
	surnamesCH = []string{
		"Gerber", "Frei", "Widmer", "Suter", "Bühler", "Wyss", "Bachmann", "Hess", "Kälin",
		"Zürcher", "Bieri", "Gasser", "Ammann", "Bösch", "Brändli",
	}
)

// academicTitles are written before a name; weights in pickAcademic.
var academicTitles = []string{"Dr.", "Prof. Dr.", "Dipl.-Ing.", "Dr.-Ing."}
