<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>EBid Desk</source>
        <translation>电子投标助手</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>版本 {version}</translation>
    </message>
    <message>
        <source>Electronic business licence wallet, seals and bid-file encryption for e-bidding.</source>
        <translation>电子营业执照、电子印章与投标文件加密，一站完成电子投标。</translation>
    </message>
</context>
</TS>
