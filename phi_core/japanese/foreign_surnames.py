"""Chinese and Korean family names as Chinese characters write them, in the forms a Japanese document may hold.

A Chinese patient's name comes in the simplified forms of the mainland (刘, 张, 陈), the traditional ones
of Taiwan and Hong Kong (劉, 張, 陳), or Japan's (劉, 張, 陳 again, 呉); a Korean one in the hanja of its
family name (朴, 崔, 尹). Japanese lists of family names hold few of them, and the given names after them
(建国, 丽华, 秀英) are no Japanese given names, so a reader of Japanese names alone misses the person.

Only the family names that are no everyday word of their own are listed: 王, 金, 林, 高 or 田 are words
as often as names, and the Japanese lists and the dictionary judge those already.
"""

from __future__ import annotations

# Simplified forms (mainland China and Singapore).
_SIMPLIFIED = "刘张陈杨赵吴孙郑谢许韩冯邓萧蒋叶苏吕卢钟谭陆贾韦邹闫龙贺顾龚钱严汤黄罗马郭彭袁潘蔡廖薛侯郝邵覃邱"
# Traditional forms (Taiwan, Hong Kong) and the Japanese ones where they differ.
_TRADITIONAL = "劉張陳楊趙吳呉孫鄭謝許韓馮鄧蕭蔣葉蘇呂盧鍾譚陸賈韋鄒閻賀顧龔錢嚴湯黃羅郭彭袁潘蔡廖薛侯郝邵覃邱"
# Korean family names in hanja that are not already among the above.
_KOREAN = "朴崔姜尹裵裴權权兪閔"

# The same in every script (李 is Korea's Lee and China's Li, the commonest of all).
_SHARED = "李徐曹魏"

CHINESE_KOREAN_SURNAMES: frozenset[str] = frozenset(_SIMPLIFIED + _TRADITIONAL + _KOREAN + _SHARED)
