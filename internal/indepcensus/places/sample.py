import csv, random, collections, unicodedata
R='/work/shared/refdata/'
OUT='/work/main/internal/indepcensus/places/'
def key(n):
    n=n.lower()
    for a,b in [('ä','ae'),('ö','oe'),('ü','ue'),('ß','ss'),('st. ','sankt '),('é','e'),('è','e'),('à','a'),('â','a'),('ô','o'),('î','i')]:
        n=n.replace(a,b)
    return ' '.join(n.replace('-',' ').split())
de=list(csv.DictReader(open(R+'de-municipalities-zensus2022.csv',encoding='utf-8')))
at=list(csv.DictReader(open(R+'at-municipalities-2021.csv',encoding='utf-8')))
ch=list(csv.DictReader(open(R+'ch-municipalities-2024.csv',encoding='utf-8')))
CH={1:'ZH',2:'BE',3:'LU',4:'UR',5:'SZ',6:'OW',7:'NW',8:'GL',9:'ZG',10:'FR',11:'SO',12:'BS',13:'BL',14:'SH',15:'AR',16:'AI',17:'SG',18:'GR',19:'AG',20:'TG',21:'TI',22:'VD',23:'VS',24:'NE',25:'GE',26:'JU'}
allk=collections.defaultdict(list)  # key -> list of region
def debase(n): return n.split(', ')[0]
for r in de:
    b=debase(r['name']); allk[key(b.split(' (')[0])].append('DE'+r['ars'][:2]); 
    if '(' in b: allk[key(b)].append('DE'+r['ars'][:2])
for r in at: allk[key(r['name'])].append('AT'+r['gkz'][0])
for r in ch: allk[key(r['name'])].append('CH'+r['canton_number'])
def amb(k,reg):
    l=allk[k]
    if len(l)<=1: return ''
    if l.count(reg)>1: return 'c'
    return 'r'
rnd=random.Random(20240630)
# DE
big=[r for r in de if int(r['population'])>=100000]
rest=[r for r in de if int(r['population'])<100000]
keep_par={'Halle (Saale)','Frankfurt (Oder)'}
def ok(r):
    b=debase(r['name'])
    if '(' in b and b not in keep_par: return False
    if '(' in r['name'].split(', ',1)[-1] and ', ' in r['name']: return False
    return True
sel=[r for r in big if ok(r)]
# stratify by size
bands=[(50000,100000,120),(20000,50000,300),(10000,20000,350),(5000,10000,350),(0,5000,500)]
for lo,hi,n in bands:
    pool=[r for r in rest if lo<=int(r['population'])<hi and ok(r)]
    sel+=rnd.sample(pool,min(n,len(pool)))
sel.sort(key=lambda r:r['ars'])
with open(OUT+'de.csv','w',encoding='utf-8',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['ars','name','population','amb'])
    for r in sel:
        b=debase(r['name']); k=key(b) if b in keep_par else key(b.split(' (')[0])
        w.writerow([r['ars'],r['name'],r['population'],amb(k,'DE'+r['ars'][:2])])
print('de',len(sel))
# AT
stat={'Eisenstadt','Rust','Graz','Linz','Steyr','Wels','Salzburg','Innsbruck','Klagenfurt am Wörthersee','Villach','Krems an der Donau','St. Pölten','Waidhofen an der Ybbs','Wiener Neustadt','Wien'}
atsel=[r for r in at if r['name'] in stat]
print('stat',len(atsel))
atsel+=rnd.sample([r for r in at if r['name'] not in stat],335)
atsel.sort(key=lambda r:r['gkz'])
with open(OUT+'at.csv','w',encoding='utf-8',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['gkz','name','statutory','amb'])
    for r in atsel: w.writerow([r['gkz'],r['name'],'1' if r['name'] in stat else '',amb(key(r['name']),'AT'+r['gkz'][0])])
# CH
cities={'Zürich','Genève','Basel','Lausanne','Bern','Winterthur','Luzern','St. Gallen','Lugano','Biel/Bienne','Thun','Köniz','La Chaux-de-Fonds','Fribourg','Schaffhausen','Chur','Vernier','Neuchâtel','Uster','Sion','Lancy','Emmen','Yverdon-les-Bains','Zug','Kriens','Rapperswil-Jona','Dübendorf','Dietikon','Montreux','Frauenfeld','Wetzikon (ZH)','Baar','Wädenswil','Wil (SG)','Renens (VD)','Aarau','Bellinzona','Locarno','Olten','Solothurn','Delémont','Nyon','Vevey','Morges','Bulle','Kloten','Opfikon','Baden','Wettingen','Schlieren','Horgen','Allschwil','Carouge (GE)','Meyrin','Onex','Thalwil','Illnau-Effretikon','Bülach','Gossau (SG)','Kreuzlingen','Pully','Burgdorf','Langenthal','Martigny','Monthey','Sierre','Herisau','Mendrisio','Chiasso','Grenchen','Adliswil','Regensdorf','Steffisburg','Muttenz','Pratteln','Liestal','Rheinfelden','Brugg','Zofingen','Lenzburg','Arbon','Amriswil','Weinfelden','Davos','Einsiedeln','Schwyz','Altdorf (UR)','Sarnen','Stans','Glarus','Appenzell','Porrentruy','Le Locle','Ecublens (VD)','Gland','Wohlen (AG)','Volketswil','Freienbach','Cham','Riehen'}
chsel=[r for r in ch if r['name'] in cities]
print('chcities',len(chsel), cities-{r['name'] for r in chsel})
chsel+=rnd.sample([r for r in ch if r['name'] not in cities],350-len(chsel))
chsel.sort(key=lambda r:int(r['bfs']))
with open(OUT+'ch.csv','w',encoding='utf-8',newline='') as f:
    w=csv.writer(f,lineterminator='\n'); w.writerow(['bfs','name','canton_number','city','amb'])
    for r in chsel: w.writerow([r['bfs'],r['name'],r['canton_number'],'1' if r['name'] in cities else '',amb(key(r['name']),'CH'+r['canton_number'])])
c=collections.Counter()
import glob
for fn in ['de','at','ch']:
    for r in csv.DictReader(open(OUT+fn+'.csv',encoding='utf-8')): c[fn+r['amb']]+=1
print(c)
