import re,sys
def analyze(path, names=('increment','get','put','run','operation')):
    x=open(path,errors='replace').read()
    tasks=[t for t in re.findall(r"<task compile_id='(\d+)'([^>]*)>(.*?)</task>",x,re.S) if 'Client run' in t[1]]
    cid,attrs,body=tasks[-1]
    klass={}; meth={}
    out=[]
    lastcall=None; lastbci=None
    for m in re.finditer(r"<(klass|method|call|inline_fail|inline_success|bc|parse) ([^>]*)>",body):
        tag,a=m.group(1),m.group(2)
        d=dict(re.findall(r"(\w+)='([^']*)'",a))
        if tag=='klass': klass[d['id']]=d['name'].split('.')[-1]
        elif tag=='method': meth[d['id']]=(klass.get(d['holder'],'?')+'::'+d['name'])
        elif tag=='bc': lastbci=d['bci']
        elif tag=='call':
            lastcall=(meth.get(d['method'],'?'),lastbci,{k:v for k,v in d.items() if k.startswith('receiver') or k in('virtual','count')})
        elif tag in('inline_fail','inline_success') and lastcall:
            n=lastcall[0]
            if n.split('::')[-1] in names:
                rc={k:(klass.get(v,v) if not k.endswith('count') else v) for k,v in lastcall[2].items() if k!='count'}
                out.append(f"{n}@{lastcall[1]}:{d['reason']} {rc}")
            lastcall=None
    return cid,out
for p in sys.argv[1:]:
    cid,out=analyze(p)
    print(p.split('/')[-1],'loop task',cid); [print('   ',o) for o in out]
